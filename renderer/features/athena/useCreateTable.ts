import { useEffect, useRef, useState } from 'react';

import { trailFolderProblem } from '../../../shared/athena/trail-folder';
import { api } from '../../api/bridge';

/** The table to create and where its queries run: the Athena source of the refused fetch. */
export interface TableTarget {
  profile: string;
  database: string;
  table: string;
  workgroup?: string | undefined;
  output?: string | undefined;
}

/**
 * The Create table dialog's state: the location as typed and its problem (checked as typed, by
 * the same rule the host applies), the DDL the host will run for it (asked once the location is
 * valid; an answer for an older location is dropped), and the creation. A second click while one
 * runs is ignored here, and the host refuses it too; a refusal keeps what was typed.
 */
export function useCreateTable(target: TableTarget, onCreated: (table: string) => void) {
  const [location, setLocation] = useState('');
  const [ddl, setDdl] = useState<{ location: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const running = useRef(false);
  const typed = location.trim();
  const problem = trailFolderProblem(typed);
  const name = `${target.database}.${target.table}`;

  useEffect(() => {
    if (problem) return;
    let current = true;
    void api.athenaTableDdl({ database: target.database, table: target.table, location: typed }).then((answer) => {
      if (!current) return;
      if (answer.ok) setDdl({ location: typed, text: answer.data.ddl });
      else setError(answer.error.message);
    });
    return () => {
      current = false;
    };
  }, [problem, typed, target.database, target.table]);

  const shown = !problem && ddl?.location === typed ? ddl.text : null;

  async function create(): Promise<void> {
    if (running.current || problem || !shown) return;
    running.current = true;
    setCreating(true);
    setError(null);
    const answer = await api.createAthenaTable({
      profile: target.profile,
      database: target.database,
      table: target.table,
      location: typed,
      ...(target.workgroup ? { workgroup: target.workgroup } : {}),
      ...(target.output ? { output: target.output } : {}),
      confirmation: name,
    });
    running.current = false;
    setCreating(false);
    if (answer.ok) onCreated(answer.data.table);
    else setError(answer.error.message);
  }

  const edit = (value: string) => {
    setLocation(value);
    setError(null);
  };
  return { name, location, setLocation: edit, problem: typed ? problem : null, ddl: shown, error, creating, create };
}
