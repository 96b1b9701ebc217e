import type { PlaceholderResource } from "./placeholder-fill";

export interface AnalysisMarker {
  severity: "error" | "warning";
  code: string;
  message: string;
  start: number;
  end: number;
}

/** What the Customize step shows about the text in the editor. */
export interface PolicyAnalysis {
  markers: AnalysisMarker[];
  errorCount: number;
  /** characters without white space, as IAM counts them */
  length: number;
  maxLength: number;
  /** how the policy would be created: one part, or several when it is too long; null when the JSON is broken */
  parts: { length: number; statements: number; sids: string[] }[] | null;
  placeholders: PlaceholderResource[];
  /** the permissions summary of the Review step; null when the JSON is broken */
  summary: SummaryRow[] | null;
}

export interface SummaryRow {
  service: string;
  accessLevel: string;
  actions: string[];
  resources: string[];
  conditions: string[];
}
