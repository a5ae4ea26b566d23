// Types of the knowledge-base components as seen through the `@theme/` alias.
declare module '@theme/Knowledge/GuideSummary' {
  export default function GuideSummary(props: { summary: import('./GuideSummary.tsx').GuideSummaryData }): import('react').ReactNode;
}
declare module '@theme/Knowledge/KeyNumbers' {
  export default function KeyNumbers(props: { data: import('./KeyNumbers.tsx').KeyNumbersData }): import('react').ReactNode;
}
declare module '@theme/Knowledge/AidantRequests' {
  export default function AidantRequests(props: { data: import('./AidantRequests.tsx').AidantRequestsData }): import('react').ReactNode;
}
declare module '@theme/Knowledge/DocList' {
  export default function DocList(props: import('./DocList.tsx').DocListProps): import('react').ReactNode;
}
