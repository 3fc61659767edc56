import { describe, expect, it } from "vitest";
import {
  confirmEmailChangeText,
  emailChangeNoticeText,
  resetPasswordText,
  verifyEmailText,
} from "@/lib/auth/account-mail-texts";

const link = "https://contracts.example.com/verify-email?token=abc_DEF-123&x=1";

describe("account mail texts", () => {
  it("put the link on a line of its own in the text, and as an escaped href in the HTML", () => {
    const mail = verifyEmailText({ name: "Ada", link, credits: 100 });
    expect(mail.subject).toBe("Verify your e-mail for Clauseflow");
    expect(mail.text.split("\n")).toContain(link);
    expect(mail.text).toContain("your 100 free credits");
    expect(mail.text).toMatch(/^Hello Ada,/);
    expect(mail.html).toContain(`href="${link.replace("&", "&#38;")}"`);
    expect(mail.html).not.toContain("&x=1");
  });

  it("say nothing about credits when there is no starting grant", () => {
    expect(verifyEmailText({ link, credits: 0 }).text).not.toMatch(/credits/);
  });

  it("escape what a user typed (a name) in the HTML", () => {
    const mail = resetPasswordText({ name: "<script>alert(1)</script>", link });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&#60;script&#62;");
    expect(mail.text).toContain("1 hour");
  });

  it("tell both addresses of an e-mail change what happens", () => {
    const confirm = confirmEmailChangeText({ link, oldEmail: "old@example.com" });
    expect(confirm.text).toContain("old@example.com");
    expect(confirm.text.split("\n")).toContain(link);
    const notice = emailChangeNoticeText({
      newEmail: "new@example.com",
      accountLink: "https://contracts.example.com/account",
    });
    expect(notice.text).toContain("new@example.com");
    expect(notice.text).toContain("change your password");
  });
});
