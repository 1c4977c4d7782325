/**
 * launchgate's own texts use a few emoji (GitHub reactions: "≥ 10 👍"). Headless and minimal
 * systems often have no colour-emoji font, where they draw as empty boxes, so the site spells the
 * reaction emoji out. Emoji in users' text (titles, notes) are left as they are: the page's font
 * list names each platform's emoji font.
 */
const REACTIONS: ReadonlyMap<string, string> = new Map([
  ["👍", "thumbs-up"],
  ["👎", "thumbs-down"],
  ["😄", "laugh"],
  ["🎉", "hooray"],
  ["😕", "confused"],
  ["❤️", "heart"],
  ["❤", "heart"],
  ["🚀", "rocket"],
  ["👀", "eyes"],
]);
const PATTERN = new RegExp([...REACTIONS.keys()].join("|"), "gu");

export function reactionWords(text: string): string {
  return text.replace(PATTERN, (emoji) => REACTIONS.get(emoji) ?? emoji);
}
