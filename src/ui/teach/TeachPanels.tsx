import './teach.css';
import { ChallengeList } from './ChallengeList.tsx';
import { ChallengePanel } from './ChallengePanel.tsx';
import { DecisionForm } from './DecisionForm.tsx';
import { UsualTable } from './UsualTable.tsx';
import { Transcript } from './Transcript.tsx';
import { useTeach } from './teachStore.ts';

// Everything the teaching features draw, loaded on first use (TeachMount.tsx), so the page's first
// load does not carry the challenge library, the decision rules or the narrator.

export default function TeachPanels() {
  const challengeId = useTeach((s) => s.challengeId);
  const openings = useTeach((s) => s.challengeOpenings);
  return (
    <>
      <ChallengeList />
      <DecisionForm />
      <UsualTable />
      <Transcript />
      {challengeId !== null && <ChallengePanel key={`${challengeId}:${String(openings)}`} id={challengeId} />}
    </>
  );
}
