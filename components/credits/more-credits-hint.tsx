"use client";

import Link from "@mui/material/Link";
import NextLink from "next/link";
import { useCredits } from "@/components/credits/use-credits";

/**
 * The end of every "not enough credits" message: a "Buy credits" link when purchases are on,
 * otherwise whom to ask (CREDITS_CONTACT). Nothing until the server has said which.
 */
export function MoreCreditsHint() {
  const purchases = useCredits().data?.purchases;
  if (!purchases) return null;
  if (purchases.enabled) {
    return (
      <>
        {" "}
        <Link
          component={NextLink}
          href="/credits#buy-credits"
          color="inherit"
          sx={{ fontWeight: 600 }}
          data-testid="buy-credits-link"
        >
          Buy credits
        </Link>
      </>
    );
  }
  return <span data-testid="credits-contact"> Ask {purchases.contact} for more credits.</span>;
}
