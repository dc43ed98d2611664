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
  /**
   * Read only on request (contract §3, second wave): a proxy's or guardian's documents, the store list,
   * the fee breakdown, the smartphone certificate. Channels fold these; the first screen leaves them out.
   */
  detail?: true;
}

export interface RouteLink {
  label: string;
  /** An http(s) URL, or a `tel:` URI for every phone number shown in the reply. */
  url: string;
}

/** `tel:` URI of a phone number as written (full-width digits and hyphens allowed); undefined if too short. */
export function telUri(phone: string): string | undefined {
  const digits = phone.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/\D/g, "");
  return digits.length >= 7 ? `tel:${digits}` : undefined;
}

/** Japanese phone numbers as shown in a text (0 then 9–10 digits, with hyphens; full-width too). */
export const PHONE_PATTERN = /(?<![0-9０-９])[0０][0-9０-９]{1,4}[-－‐][0-9０-９]{1,4}[-－‐][0-9０-９]{3,4}(?![0-9０-９])/g;

/** Every phone number in `text`, once each, in order. */
export function phonesIn(text: string): string[] {
  return [...new Set(text.match(PHONE_PATTERN) ?? [])];
}

/** The first screen of a route: title, lead and the sections not marked `detail`. */
export function firstScreen(route: RouteReply): string {
  const sections = route.sections.filter((s) => !s.detail).map((s) => [s.heading, ...s.items].join("\n"));
  return [route.title, route.lead, ...sections].join("\n");
}

export interface RouteReply {
  type: "route";
  routeId: string;
  title: string;
  /** What happened and the one next action, at most 200 characters, shown first. */
  lead: string;
  /** The whole answer as plain text (detail sections included). */
  text: string;
  sections: RouteSection[];
  links?: RouteLink[];
}
