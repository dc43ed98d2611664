/**
 * The staff form (a modal): for staff on the phone with a resident, one select per slot (the question's
 * own choices, from the slot's schema) and a date picker per date slot, all optional; in Japanese.
 * Submitting it diagnoses in one step.
 */
import type { types } from "@slack/bolt";
import { SLOTS, type Slot } from "../../core/slots.ts";
import { slotChoices, slotSchema } from "../../../flows/certificate-recovery/questions.ts";
import { SLOT_LABELS } from "../../../flows/certificate-recovery/explain.ts";
import { FORM_ACTION_ID, formBlockId, type FormMeta } from "./parse.ts";
import { clip, LIMITS } from "./render.ts";

/** The modal's callback id (Bolt routes `view_submission` by it). */
export const FORM_CALLBACK_ID = "diagnosis_form";

const MAX_OPTIONS = 100;

const plainText = (text: string, max: number = LIMITS.buttonText): types.PlainTextElement => ({
  type: "plain_text",
  text: clip(text, max),
  emoji: true,
});

function inputFor(slot: Slot): types.InputBlock {
  const element: types.InputBlockElement = slotSchema(slot).input === "date"
    ? { type: "datepicker", action_id: FORM_ACTION_ID, placeholder: plainText("日付を選ぶ") }
    : {
        type: "static_select",
        action_id: FORM_ACTION_ID,
        placeholder: plainText("選ぶ"),
        options: slotChoices(slot, "ja").slice(0, MAX_OPTIONS).map((c) => ({ text: plainText(c.label), value: c.value })),
      };
  return { type: "input", block_id: formBlockId(slot), optional: true, label: plainText(SLOT_LABELS[slot], 2_000), element };
}

/** The form as a modal view; `meta` (where to answer) travels in `private_metadata`. */
export function renderDiagnosisForm(meta: FormMeta): types.ModalView {
  return {
    type: "modal",
    callback_id: FORM_CALLBACK_ID,
    private_metadata: JSON.stringify(meta),
    title: plainText("証明書の診断フォーム", 24),
    submit: plainText("診断する", 24),
    close: plainText("閉じる", 24),
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: "わかる項目だけ選んでください（すべて任意）。足りない項目は、結果のスレッドでボットが質問します。\n※暗証番号やマイナンバー（12桁）は入力しないでください。",
        },
      },
      ...SLOTS.map(inputFor),
    ],
  };
}

/** The answer to a submitted form with nothing chosen: an error under the first input. */
export function emptyFormErrors(): { response_action: "errors"; errors: Record<string, string> } {
  return { response_action: "errors", errors: { [formBlockId(SLOTS[0])]: "少なくとも1つ選んでください。" } };
}
