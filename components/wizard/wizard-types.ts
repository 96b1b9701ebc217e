import type { ReadSummary } from "@/lib/core/read-summary";
import type { UsageSummary } from "@/lib/core/types";
import type { DraftSelection } from "@/lib/console/draft-selection";

/** An action as the review table shows it. */
export interface ActionRow {
  action: string;
  service: string;
  accessLevel: string;
  calls: number;
  lastSeen: string | null;
  regions: string[];
  origin: "generated" | "added" | "denied-accepted";
}

export interface CatalogGroup {
  accessLevel: string;
  actions: { name: string; resourceTypes: string[] }[];
}

export interface WizardData {
  jobId: string;
  entityName: string;
  entityKind: "role" | "user";
  principalArn: string;
  basePath: string;
  usage: UsageSummary;
  /** access levels of every action in the usage and the selection, from the catalog */
  accessLevels: Record<string, string>;
  selection: DraftSelection;
  /** the user's edited text, or null when the policy is the one built from the selection */
  documentText: string | null;
  /** the policy built from the usage and the selection */
  builtText: string;
  isComplete: boolean;
  window: { start: string; end: string };
  /** what was read; an empty result is marked above the wizard */
  readSummary: ReadSummary;
}
