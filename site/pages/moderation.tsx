// /moderation: the moderators' desk (site/theme/Moderation) in the site's layout. The desk
// needs a session; everything it shows comes from /api/moderation.
import Layout from '@theme/Layout';
import type { ReactNode } from 'react';
import Desk from '../theme/Moderation/Desk.tsx';

export default function Moderation(): ReactNode {
  return (
    <Layout title="Modération" description="Espace des modérateurs.">
      <Desk />
    </Layout>
  );
}
