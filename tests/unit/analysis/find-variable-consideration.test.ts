import { describe, expect, it } from "vitest";
import { findVariableConsideration } from "@/lib/analysis/extract/find-variable-consideration";
import { scanText } from "./scan-text";

const kinds = (text: string) => findVariableConsideration(scanText(text)).map((s) => s.kind);

describe("findVariableConsideration", () => {
  it("reads counted caps as volume restrictions", () => {
    expect(kinds("The Association will share up to three (3) social media posts.")).toEqual([
      "volume_restriction",
    ]);
    expect(
      kinds(
        "Xencor's obligations shall not exceed an aggregate of [***] ([***]) full-time equivalent hours.",
      ),
    ).toEqual(["volume_restriction"]);
  });

  it("does not read periods of time or a single copy as volume caps", () => {
    expect(kinds("Payment is due no more than thirty (30) days after invoice.")).toEqual([]);
    expect(kinds("Licensee shall install no more than one (1) copy on each system.")).toEqual([]);
  });

  it("does not read a defined term's meaning as a volume cap", () => {
    expect(
      kinds(
        "“Qualified Product” means a Product which has been shipped in excess of [***] units for incorporation in customer products.",
      ),
    ).toEqual([]);
  });

  it("reads any stated minimum as a commitment, but not standards, periods or insurance", () => {
    expect(
      kinds(
        "Transporter shall be obligated to provide such minimum pressures at the Delivery Point.",
      ),
    ).toEqual(["minimum_commitment"]);
    expect(kinds("The Guaranteed Minimum Purchases are set out in Exhibit B.")).toEqual([
      "minimum_commitment",
    ]);
    expect(
      kinds("At a minimum, such functionality shall be equivalent to that of the Company Site."),
    ).toEqual([]);
    expect(
      kinds("Owner complies with the minimum standards promulgated by the Coast Guard."),
    ).toEqual([]);
    expect(
      kinds("The amount of coverage shall be a minimum of three million dollars ($3,000,000)."),
    ).toEqual([]);
    expect(kinds("The term shall continue for a minimum period of 12 months.")).toEqual([]);
  });

  it("reads a maximum on what is supplied as a volume restriction, not a cap on money or law", () => {
    expect(
      kinds("IBM will state the estimated ship quantity and maximum monthly ship rate."),
    ).toEqual(["volume_restriction"]);
    expect(
      kinds("SRP will provide race day uniforms for up to a maximum of 12 personnel."),
    ).toEqual(["volume_restriction"]);
    expect(
      kinds("The deposit shall be insured to the maximum extent allowable by the FDIC."),
    ).toEqual([]);
    expect(kinds("It is the cumulative maximum for which IBM is responsible.")).toEqual([]);
    expect(kinds("The parties seek to achieve the maximum market potential.")).toEqual([]);
  });

  it("does not read a defined term's minimum as a commitment", () => {
    expect(
      kinds(
        "“Server Communication” means a communication sent when an End User has kept the browser open for a minimum of [* ] during a session.",
      ),
    ).toEqual([]);
  });

  it("reads forecast bands and capped deliverables", () => {
    expect(
      kinds(
        "Provided that the order does not deviate from the applicable Forecast by more than 10%.",
      ),
    ).toEqual(["volume_restriction"]);
    expect(kinds("VerticalNet shall provide up to $50,000 worth of Banner placements.")).toEqual([
      "volume_restriction",
    ]);
  });

  it("reads index-linked prices as price restrictions", () => {
    expect(
      kinds(
        "The Base Fee must be increased or decreased in accordance with the change in the CPI.",
      ),
    ).toEqual(["price_restriction"]);
  });

  it("ignores royalties named in a statute", () => {
    expect(
      kinds(
        "As permitted for sponsorship payments and royalties under Section 513(i) of the Code.",
      ),
    ).toEqual([]);
    expect(kinds("Licensee shall pay a royalty of 5% of Net Sales.")).toContain("royalty");
  });

  it("quotes each kind once per sentence", () => {
    const signals = findVariableConsideration(
      scanText("Orders shall not exceed ten (10) units in excess of the forecast by more than 5%."),
    );
    expect(signals.filter((s) => s.kind === "volume_restriction")).toHaveLength(1);
  });

  it("does not read a denied payment as revenue sharing", () => {
    expect(kinds("Airspan will pay no commissions under this Agreement.")).toEqual([]);
    expect(
      kinds("Newegg shall not pay any fees or royalties for the license of the Allied Marks."),
    ).toEqual([]);
    expect(
      kinds(
        "PPG may, without obligation to pay DISTRIBUTOR any commission or other compensation, make direct sales.",
      ),
    ).toEqual([]);
    expect(kinds("Each party grants a royalty free license to the other Party.")).toEqual([]);
    expect(kinds("Licensee shall pay no less than five percent (5%) of Net Sales.")).toEqual([
      "revenue_share",
    ]);
  });

  it("does not read the securities regulator or a benefit plan as revenue sharing", () => {
    expect(kinds("The Company has not received from the Commission any notice.")).toEqual([]);
    expect(
      kinds("It will promptly advise the Agents of any order issued by the Commission."),
    ).toEqual([]);
    expect(kinds("Except for the Bank's profit sharing plan, there is no pension plan.")).toEqual(
      [],
    );
    expect(kinds("Such fees shall equal 50% of the runtime license fees paid to D2.")).toEqual([]);
  });

  it("reads a percentage of assets, commissions or collected fees as revenue sharing", () => {
    expect(
      kinds(
        "The Fund shall pay a fee at the annual rate of 0.20% of the value of the Fund's net assets.",
      ),
    ).toEqual(["revenue_share"]);
    expect(kinds("Power2Ship will pay WLI 10% of any activation commissions it receives.")).toEqual(
      ["revenue_share"],
    );
  });

  it("reads counted floors and performance targets as minimum commitments", () => {
    expect(
      kinds("PageMaster Corporation shall provide a minimum of 100,000 up to 500,000 pagers."),
    ).toContain("minimum_commitment");
    expect(kinds("NFLA to send a minimum of two (2) dedicated e-blasts per year.")).toEqual([
      "minimum_commitment",
    ]);
    expect(
      kinds(
        "Distributor agrees that it meet the minimum performance goals set forth in Exhibit C.",
      ),
    ).toEqual(["minimum_commitment"]);
    expect(
      kinds(
        "DISTRIBUTOR agrees to satisfy the annual and quarterly sale targets for the Products.",
      ),
    ).toEqual(["minimum_commitment"]);
    expect(
      kinds('Excite guarantees that it will deliver [*] "Click-throughs" in the first year.'),
    ).toEqual(["minimum_commitment"]);
  });

  it("does not read notice periods, insurance amounts or a firm order as minimum commitments", () => {
    expect(kinds("Upon such agreement, the order shall be deemed to be the Firm Order.")).toEqual(
      [],
    );
    expect(kinds("Notice shall be given a minimum of 60 days in advance of the renewal.")).toEqual(
      [],
    );
    expect(
      kinds("The amount of coverage shall be a minimum of three million dollars ($3,000,000)."),
    ).toEqual([]);
  });

  it("reads stated maxima and capped personal services as volume restrictions", () => {
    expect(
      kinds("Transportation Quantity shall mean the maximum daily quantity of gas to be received."),
    ).toEqual(["volume_restriction"]);
    expect(
      kinds("This Support Plan covers a 12 Month period, with a Maximum Cap of hours."),
    ).toEqual(["volume_restriction"]);
    expect(
      kinds(
        "Consultant shall make himself available on not more than [*****] days for television commercials.",
      ),
    ).toEqual(["volume_restriction"]);
    expect(
      kinds(
        "Auriemma will participate in one (1) recording session annually of not more than two (2) hours.",
      ),
    ).toEqual(["volume_restriction"]);
  });

  it("does not read securities-law volume limits or volume discounts as volume restrictions", () => {
    expect(
      kinds(
        "Such transfer is within the volume limits and manner of sale requirements of Rule 144.",
      ),
    ).toEqual([]);
    expect(kinds("Allowances include volume discounts and other incentives.")).toEqual([]);
  });

  it("reads caps on price rises and price parity as price restrictions", () => {
    expect(
      kinds(
        "Erchonia agrees that the prices listed in Exhibit A shall not be increased during the first 90 days.",
      ),
    ).toEqual(["price_restriction"]);
    expect(
      kinds(
        "All the aforementioned price changes will not exceed any increase in the US retail selling price.",
      ),
    ).toEqual(["price_restriction"]);
    expect(
      kinds(
        "Pricing to Customer shall be no less favorable than the pricing offered to any other customer.",
      ),
    ).toEqual(["price_restriction"]);
    expect(
      kinds("Distributor shall not resell the Products at a price below the list price."),
    ).toEqual(["price_restriction"]);
  });

  it("does not read a price list or a price change notice as a price restriction", () => {
    expect(kinds("Prices for the Products are set out in Schedule 1.")).toEqual([]);
    expect(kinds("Supplier may change its prices on ninety (90) days notice.")).toEqual([]);
  });

  it("does not read a payment still to be negotiated as revenue sharing", () => {
    expect(
      kinds(
        "Should Medicare change the basis for reimbursement, the parties shall agree to negotiate a structure for revenue sharing.",
      ),
    ).toEqual([]);
  });

  it("reads a placement agent's percentage of the securities sold as revenue sharing", () => {
    expect(
      kinds(
        "A success fee upon completion of the Offering of 1.125% of the aggregate purchase price of the Common Shares sold.",
      ),
    ).toEqual(["revenue_share"]);
    expect(
      kinds('The fee shall be equal to 5.2% of the "gross proceeds" received in the Offering.'),
    ).toEqual(["revenue_share"]);
  });

  it("reads limits on changing a price as price restrictions", () => {
    expect(
      kinds("Supplier may not change the prices without the prior written consent of Buyer."),
    ).toEqual(["price_restriction"]);
    expect(kinds("Price increases shall occur no more than once per calendar year.")).toEqual([
      "price_restriction",
    ]);
    expect(kinds("The fees set out in Exhibit B shall remain fixed for the Initial Term.")).toEqual(
      ["price_restriction"],
    );
    expect(
      kinds("Company shall charge Customers no more than the suggested retail price."),
    ).toEqual(["price_restriction"]);
  });

  it("reads defined floors as minimum commitments, not prose minimums", () => {
    expect(
      kinds("“Quarterly Minimum Details” for an applicable Calendar Quarter shall mean [***]."),
    ).toEqual(["minimum_commitment"]);
    expect(kinds("The Minimum Cumulative Purchase Commitment is set forth in Exhibit A.")).toEqual([
      "minimum_commitment",
    ]);
    expect(
      kinds("The Products shall meet the minimum standards set out in the Specifications."),
    ).toEqual([]);
  });

  it("reads floors whose failure has a consequence as minimum commitments", () => {
    expect(
      kinds(
        "In the event the Company is unable to sell a minimum of 1,875,000 Shares, this Agreement shall terminate.",
      ),
    ).toEqual(["minimum_commitment"]);
    expect(
      kinds(
        "If MSL fails to achieve a responsiveness of at least [*]% for any machine type, a credit applies.",
      ),
    ).toContain("minimum_commitment");
    expect(
      kinds("Fazync will decide the fee at a range of minimum of 10% to maximum of 20%."),
    ).toContain("minimum_commitment");
  });

  it("reads payment in the payer's own equity as revenue sharing", () => {
    expect(kinds("Aimmune shall issue to Xencor shares of Aimmune Common Stock.")).toEqual([
      "revenue_share",
    ]);
    expect(
      kinds("EHS will grant Dr. Murray options to purchase 25,000 shares of EHS common stock."),
    ).toEqual(["revenue_share"]);
    expect(
      kinds("All of the issued shares of capital stock of the Company have been duly authorized."),
    ).toEqual([]);
  });
});

// The CUAD payment column each kind answers, as scripts/eval/read-engine-answers.ts maps them.
const COLUMN: Partial<Record<string, string>> = {
  royalty: "revenue",
  revenue_share: "revenue",
  minimum_commitment: "minimum",
  volume_restriction: "volume",
  price_restriction: "price",
};
const columns = (text: string) =>
  [
    ...new Set(
      findVariableConsideration(scanText(text))
        .map((s) => COLUMN[s.kind])
        .filter((c): c is string => c !== undefined),
    ),
  ].sort();

describe("findVariableConsideration across drafting styles", () => {
  it.each([
    "Licensee shall pay Licensor a royalty of five percent (5%) of Net Sales of Licensed Products.",
    "Company shall pay to Partner fifty percent (50%) of the Net Revenues received from subscribers referred by Partner.",
    "The parties shall share equally in the net profits of the Joint Venture.",
    "Net Profits shall be divided sixty percent (60%) to Party A and forty percent (40%) to Party B.",
    "Distributor shall pay Supplier an amount equal to 10% of Gross Sales.",
    "Each party shall bear fifty percent (50%) of the losses and receive fifty percent (50%) of the profits.",
    "In consideration of the referral, Company shall pay a referral fee equal to 15% of the first year's fees paid by the referred customer.",
    "The Profit Split shall be 50/50.",
    "Licensee shall pay running royalties at the rate of 3% of Net Selling Price.",
    "Affiliate will receive a bounty of $25 for each new account and a revenue share of 20%.",
    "The Company shall pay the Consultant an amount equal to two percent (2%) of the gross receipts from the sale of Products.",
    "Licensee shall pay to Licensor 30% of all sublicense income received.",
  ])("reads revenue or profit sharing in %s", (text) => {
    expect(columns(text)).toEqual(["revenue"]);
  });

  it.each(["Licensee shall pay a minimum annual royalty of $50,000."])(
    "reads a minimum royalty as both a floor and a royalty in %s",
    (text) => {
      expect(columns(text)).toEqual(["minimum", "revenue"]);
    },
  );

  it.each([
    "Distributor agrees to purchase a minimum of 10,000 units per calendar year.",
    "Customer shall purchase at least 500 Units during each Contract Year.",
    "Buyer shall take or pay for 90% of the Annual Contract Quantity.",
    "If Buyer fails to take the Annual Contract Quantity, Buyer shall pay for the shortfall.",
    "Distributor shall order not less than 1,000 units per quarter.",
    "Reseller commits to purchase Products with an aggregate value of not less than $2,000,000 during the Term.",
    "Customer shall purchase from Supplier no less than eighty percent (80%) of its requirements for the Products.",
    "The Minimum Purchase Requirement for each year is set forth in Exhibit C.",
    "Licensee shall achieve Net Sales of at least $1,000,000 in each year.",
    "Customer shall pay a Monthly Minimum Fee of $5,000 regardless of usage.",
    "Company shall purchase all of its requirements of the Product exclusively from Supplier.",
    "If Distributor does not meet the minimum purchase requirements, Company may terminate this Agreement.",
  ])("reads a minimum commitment in %s", (text) => {
    expect(columns(text)).toEqual(["minimum"]);
  });

  it.each([
    "Supplier shall not be obligated to supply more than 120% of the forecasted quantity in any month.",
    "Buyer's orders in any quarter shall not exceed 5,000 units.",
    "The maximum order quantity is 2,000 cases per month.",
    "Supplier shall supply up to 10,000 units per year.",
    "Supplier is not required to accept orders in excess of the forecast.",
    "Customer may use the Software for up to 50 named users; additional users shall be charged at $100 per user.",
    "Licensee may not make more than three copies of the Software.",
    "Distributor shall not purchase more than 1,000 units in any calendar quarter.",
    "Supplier shall sell to Distributor all Products Distributor orders, not to exceed the Capacity Allocation.",
  ])("reads a volume restriction in %s", (text) => {
    expect(columns(text)).toEqual(["volume"]);
  });

  it.each([
    "Supplier shall offer Customer prices no less favorable than those offered to any other customer.",
    "Supplier agrees that the prices charged to Company will be no higher than those charged to any other purchaser of similar volumes.",
    "The prices set forth in Exhibit A shall remain fixed for the first two (2) years of the Term.",
    "The Prices are firm for a period of twelve months from the Effective Date.",
    "Any price increase shall not exceed the percentage increase in the Consumer Price Index.",
    "Supplier may increase prices once per year by an amount not to exceed three percent (3%).",
    "Prices may be adjusted annually, provided that no adjustment shall exceed 5%.",
    "Supplier shall not increase the Price during the Initial Term.",
    "If Supplier offers lower prices to any third party, Supplier shall offer the same lower prices to Buyer.",
    "Supplier shall give Customer the benefit of any lower price it offers to other customers.",
    "Distributor shall not sell the Products below the minimum resale price established by Company.",
    "The Purchase Price shall not be increased more than once in any twelve-month period.",
    "Any increase in the price shall be limited to the lesser of 3% or the increase in CPI.",
    "The per-unit price shall be reduced by 5% each year.",
    "Supplier guarantees that the price for the Products shall not exceed $10.00 per unit.",
  ])("reads a price restriction in %s", (text) => {
    expect(columns(text)).toEqual(["price"]);
  });

  it.each([
    "“Net Sales” means the gross amount invoiced by Licensee for Products, less returns and allowances.",
    "Late payments shall bear interest at the rate of one and one-half percent (1.5%) per month.",
    "The license granted hereunder is fully paid-up and royalty-free.",
    "No royalties shall be payable with respect to the Licensed Products.",
    "Company may change prices upon ninety (90) days prior written notice.",
    "There is no minimum purchase requirement under this Agreement.",
    "Distributor shall have no minimum purchase obligations.",
    "Distributor shall not be required to purchase any minimum quantity of Products.",
    "There is no limit on the number of units Distributor may order.",
    "Licensee may make an unlimited number of copies of the Documentation.",
    "Prices are exclusive of all taxes and are stated in US dollars.",
    "Each party shall bear its own costs and expenses.",
    "The Shares shall be sold at a price of $10.00 per Share.",
    "Licensee shall pay Licensor a one-time license fee of $100,000.",
    "Customer shall pay the fees set forth in the Order Form within thirty (30) days of invoice.",
    "Customer shall pay all invoices within thirty (30) days.",
    "The price for the Products is set forth in Exhibit A.",
    "Interest on overdue amounts accrues at 1% per month.",
  ])("reads no payment signal in %s", (text) => {
    expect(columns(text)).toEqual([]);
  });
});

describe("findVariableConsideration: sublicence income, margins, binding forecasts, caps", () => {
  it.each([
    [
      "Licensee shall pay Licensor thirty percent (30%) of all amounts received from Sublicensees.",
      ["revenue"],
    ],
    [
      "Distributor shall pay Company fifty percent (50%) of the Gross Margin on each Product sold.",
      ["revenue"],
    ],
    [
      "Profits and losses of the Venture shall be allocated between the Parties in proportion to their Ownership Interests.",
      ["revenue"],
    ],
    ["Customer commits to spend $1,000,000 on Services during the Term.", ["minimum"]],
    ["The first three (3) months of each Forecast shall be binding on Purchaser.", ["minimum"]],
    ["Each Purchase Order shall constitute a binding commitment.", ["minimum"]],
    ["Orders for the Product shall be limited to 5,000 units per month.", ["volume"]],
    ["The number of Authorized Users is capped at 250 users.", ["volume"]],
    ["Supplier shall extend MFN pricing to Customer.", ["price"]],
    ["The Initial Parties are Advantel, KDD, MFN, NTT Com and Telstra.", []],
    ["The Option is limited to 25,000 shares of common stock.", []],
    ["Any increase in the Fees shall not exceed five percent (5%) per annum.", ["price"]],
    ["Customer shall pay a deposit of fifty percent (50%) of each order.", []],
    ["Distributor shall be free to determine its own resale prices.", []],
  ])("reads %s as %j", (text, expected) => {
    expect(columns(text)).toEqual(expected);
  });
});

describe("findVariableConsideration look-alikes", () => {
  it.each([
    "The Demand Forecast shall be a good faith but non-binding forecast.",
    "Company shall notify the Agents of the issuance by the Commission of any stop order.",
    "The Consultant will utilize maximum professional skill and care in performing the services.",
    "This Agreement will be for the maximum period of six (6) months.",
    "Distributor must provide one SIM card within a maximum of two weeks from the date of order.",
  ])("reads no payment signal in %s", (text) => {
    expect(columns(text)).toEqual([]);
  });

  it("still reads a sales commission of a stated rate", () => {
    expect(
      columns("Company shall pay the Agent a commission of 5% of the Purchase Price."),
    ).toEqual(["revenue"]);
  });
});

describe("findVariableConsideration: splits, participations, sales floors, price guarantees", () => {
  it.each([
    ["The parties shall split the net revenues from the Website equally.", ["revenue"]],
    ["Consultant shall participate in the net profits of the Project.", ["revenue"]],
    [
      "Licensee shall pay Licensor a percentage of Net Sales as set forth in Exhibit B.",
      ["revenue"],
    ],
    ["Distributor shall sell at least 5,000 units in each Contract Year.", ["minimum"]],
    ["No price increase shall take effect during the first Contract Year.", ["price"]],
    ["Supplier provides a price guarantee for the Initial Term.", ["price"]],
    ["The percentage of completion shall be certified by the Engineer.", []],
    ["Distributor shall be free to sell the Products at any price.", []],
  ])("reads %s as %j", (text, expected) => {
    expect(columns(text)).toEqual(expected);
  });
});
