// Types of the local theme's components as seen through the `@theme/` alias.
declare module '@theme/EntryPoints' {
  export default function EntryPoints(props: { propose?: boolean }): import('react').JSX.Element;
}
declare module '@theme/Glossary' {
  export default function Glossary(props: { terms: import('../../core/model/glossary.ts').GlossaryTerm[] }): import('react').ReactNode;
}
declare module '@theme/ProposalForm' {
  export default function ProposalForm(props: { vocab: import('./ProposalForm/index.tsx').ProposalVocabularies }): import('react').ReactNode;
}
declare module '@theme/OpenData' {
  export default function OpenData(props: import('./OpenData/index.tsx').OpenDataProps): import('react').ReactNode;
}
