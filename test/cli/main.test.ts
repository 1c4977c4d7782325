import { describe, expect, it } from "vitest";
import { commands, main } from "../../src/cli/main.js";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), color: false, cwd: "." },
    out,
    err,
  };
}

describe("launchgate (no command)", () => {
  it("lists every command with its summary on --help, exit 0", async () => {
    const run = capture();
    expect(await main(["--help"], run.io)).toBe(0);
    const help = run.out.join("");
    for (const name of Object.keys(commands)) {
      const { summary } = await (commands[name] as () => Promise<{ summary: string }>)();
      expect(help).toContain(`${name}  `);
      expect(help).toContain(summary);
    }
  });

  it("exits 2 with the list for no command or an unknown one", async () => {
    const none = capture();
    expect(await main([], none.io)).toBe(2);
    const unknown = capture();
    expect(await main(["chekc"], unknown.io)).toBe(2);
    expect(unknown.err.join("")).toMatch(/unknown command "chekc"[\s\S]*check {2,}check gate documents/);
  });
});
