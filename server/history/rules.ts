/**
 * What an import reads from commit messages and authors. Trailer keys are compared
 * case-insensitively; the patterns are matched against a trailer's whole value or an author.
 */
export interface HistoryRules {
  /** Trailers that name further reviewers, e.g. `Reviewed-by`. */
  reviewTrailers: string[];
  /** Trailers that may name an AI tool, e.g. `Assisted-by`. */
  aiTrailers: string[];
  /** A trailer value naming an AI tool (model or product name). */
  aiTool: RegExp;
  /** An email address of an AI bot. */
  aiAddress: RegExp;
  /** An author that is a bot (matched against `name <email>`). */
  botAuthor: RegExp;
  /** Keep changes by bot authors (left out by default). */
  includeBots: boolean;
}

/** The defaults: Claude (and its Opus, Sonnet, Haiku models), Copilot, ChatGPT/GPT, Codex, Gemini, Cursor, Devin, Amazon Q. */
export const defaultHistoryRules: HistoryRules = {
  reviewTrailers: ['reviewed-by', 'acked-by'],
  aiTrailers: ['assisted-by', 'co-authored-by', 'generated-by'],
  aiTool:
    /\b(claude|opus|sonnet|haiku|copilot|chatgpt|gpt(-?[\d.]+[a-z]*)?|codex|gemini|cursor|devin|amazon q)\b/i,
  aiAddress:
    /@(anthropic\.com|openai\.com|cursor\.com|cognition\.ai)>?$|\b(copilot|devin-ai-integration|gemini-code-assist|amazon-q-developer)(\[bot\])?@/i,
  botAuthor: /\[bot\]\s*<|\b(dependabot|renovate|github-actions)\b/i,
  includeBots: false,
};

/** Words a caller may pass to replace a default pattern: a case-insensitive regular expression source. */
export function patternOption(source: string, field: string): RegExp {
  try {
    return new RegExp(source, 'i');
  } catch {
    throw new RangeError(`${field}: not a valid regular expression`);
  }
}
