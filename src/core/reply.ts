/**
 * What the bot says, independent of any platform (shared/contract.md §3). Channels render these:
 * the web chat returns them as JSON, LINE turns them into messages, Slack into Block Kit.
 */
export type Reply = TextReply | QuestionReply | RouteReply;

export interface TextReply {
  type: "text";
  text: string;
}

export interface Choice {
  label: string;
  value: string;
}

export interface QuestionReply {
  type: "question";
  /** A slot of contract §2, or `followUp` for the choices offered after a route. */
  slot: string;
  text: string;
  input: "choice" | "date" | "number" | "text";
  /** May be empty for free input. */
  choices: Choice[];
}

export interface RouteSection {
  heading: string;
  items: string[];
}

export interface RouteLink {
  label: string;
  url: string;
}

export interface RouteReply {
  type: "route";
  routeId: string;
  title: string;
  /** The whole answer as plain text. */
  text: string;
  sections: RouteSection[];
  links?: RouteLink[];
}
