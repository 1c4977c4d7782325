import { describe, expect, it } from "vitest";
import { safeUrl } from "../../site/src/lib/safe-url.js";

describe("safeUrl", () => {
  it("keeps absolute http and https URLs, normalized", () => {
    expect(safeUrl("https://github.com/acme/caro/issues/1")).toBe("https://github.com/acme/caro/issues/1");
    expect(safeUrl("http://example.com")).toBe("http://example.com/");
    expect(safeUrl("  HTTPS://GitHub.com/a  ")).toBe("https://github.com/a");
  });

  it("percent-encodes markup so it cannot leave the attribute", () => {
    expect(safeUrl('https://x.test/a"><script>alert(1)</script>')).toBe(
      "https://x.test/a%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
    );
  });

  it.each([
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "\u0000javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.com/",
    "//evil.example/x",
    "/relative/path",
    "issues/1",
    "",
    "https://user:secret@example.com/",
  ])("rejects %j", (value) => {
    expect(safeUrl(value)).toBeUndefined();
  });

  it("rejects non-strings", () => {
    expect(safeUrl(null)).toBeUndefined();
    expect(safeUrl(undefined)).toBeUndefined();
  });
});
