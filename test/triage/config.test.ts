import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { config } from "./build.js";

describe("triage config", () => {
  it("defaults to the stabilization plan", () => {
    const { triage } = config();
    expect(triage.sla).toEqual({
      P0: { response: "5m", resolution: "4h" },
      P1: { response: "1h", resolution: "24h" },
      P2: { response: "4h", resolution: "7d" },
      P3: { response: "24h", resolution: "next-release" },
    });
    expect(triage.triage_target).toEqual({ week1: "2h", week2: "4h", later: "8h" });
    expect(triage.business_hours).toBeUndefined();
    expect(triage.responders.associations).toEqual(["OWNER", "MEMBER", "COLLABORATOR"]);
  });

  it("overrides one target and keeps the others", () => {
    const { triage } = config("triage:\n  sla:\n    P1:\n      resolution: 12h\n");
    expect(triage.sla.P1).toEqual({ response: "1h", resolution: "12h" });
    expect(triage.sla.P0).toEqual({ response: "5m", resolution: "4h" });
  });

  it("fills business hours defaults from a time zone", () => {
    const { triage } = config("triage:\n  business_hours:\n    timezone: Europe/Berlin\n");
    expect(triage.business_hours).toEqual({
      timezone: "Europe/Berlin",
      days: ["mon", "tue", "wed", "thu", "fri"],
      hours: "09:00-17:00",
      severities: ["P2", "P3"],
    });
  });

  it.each([
    ["triage:\n  sla:\n    P1:\n      response: 1 hour\n", /line 4.*duration/s],
    ["triage:\n  severty_labels: {}\n", /did you mean "severity_labels"/],
    ["triage:\n  severity_labels:\n    P1: [P0]\n", /"P0" already names P0/],
    ["triage:\n  business_hours:\n    timezone: Mars/Olympus\n", /unknown IANA time zone/],
    ["triage:\n  business_hours:\n    timezone: UTC\n    hours: 17:00-09:00\n", /opening-closing/],
  ])("rejects %j", (yaml, message) => {
    let error: unknown;
    try {
      config(yaml);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect(`line ${(error as InputError).line} ${(error as InputError).format()}`).toMatch(message);
  });
});
