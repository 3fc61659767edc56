import { describe, expect, it } from "vitest";
import { findParties } from "@/lib/analysis/extract/find-parties";
import { findPreambleCandidates } from "@/lib/analysis/extract/find-preamble";
import { partiesOf } from "./parties-of";
import { scanText } from "./scan-text";

describe("findParties", () => {
  it("names every party a collective defined term gathers", () => {
    expect(
      partiesOf(
        'This Cooperation Agreement ("Agreement") is entered into as of June 18, 2020, by and between Spok Holdings, Inc., a Delaware corporation (the "Company"), and White Hat Strategic Partners LP, a Delaware limited partnership, White Hat SP GP LLC, a Delaware limited liability company, and White Hat Capital Partners LP, a Delaware limited partnership (collectively, the "White Hat Parties").',
      ),
    ).toEqual([
      "Spok Holdings, Inc.",
      "White Hat Strategic Partners LP",
      "White Hat SP GP LLC",
      "White Hat Capital Partners LP",
    ]);
  });

  it("does not add a company that a later sentence mentions about a party", () => {
    expect(
      partiesOf(
        'This agreement is made this 10th day of January, 2018 by and between Bravatek Solutions, Inc., a Colorado corporation ("Bravatek"), and Fazync LLC, a Colorado limited liability company ("Fazync"). Fazync is a wholly owned subsidiary of Intelligent Highway Solutions, Inc., ("IHSI"), a Nevada corporation.\n\nWhereas, Bravatek is a corporation.',
      ),
    ).toEqual(["Bravatek Solutions, Inc.", "Fazync LLC"]);
  });

  it("reads brand names that start in lowercase", () => {
    expect(
      partiesOf(
        'This WEB SITE HOSTING AGREEMENT ("this Agreement") is entered into this 6th day of April, 1999 by and between Centrack International, a Florida corporation ("the Customer"), and i-on interactive, a Florida corporation ("i-on").',
      ),
    ).toEqual(["Centrack International", "i-on interactive"]);
  });

  it("reads an unquoted 'hereinafter referred to as' alias", () => {
    expect(
      partiesOf(
        "This agreement is made and entered into by and between Pretzel Time, Inc., a Pennsylvania corporation with its principal place of business in Harrisburg (hereinafter referred to as Pretzel Time) and the franchisee named below.\n\nNOW THEREFORE, the parties agree as follows:",
      ),
    ).toEqual(["Pretzel Time, Inc."]);
  });

  it("reads a numbered party list and stops a name at its address", () => {
    expect(
      partiesOf(
        'THIS SERVICES AGREEMENT (this "Agreement") is made on 25 September 2018 BETWEEN: (1) Oaktree Capital Management, L.P. a Delaware limited partnership of 333 South Grand Avenue, Los Angeles, CA 90071 ("Oaktree US"); and (2) Oaktree Capital Management (International) Limited, a private limited company registered in England and Wales of Verde, 10 Bressenden Place, London (the "Sub-Advisor").\n\nRECITALS',
      ),
    ).toEqual([
      "Oaktree Capital Management, L.P.",
      "Oaktree Capital Management (International) Limited",
    ]);
  });

  it("prefers the name with a legal form over prose after an 'and'", () => {
    expect(
      partiesOf(
        "THIS STRATEGIC ALLIANCE AGREEMENT (“Agreement”) is made and entered into as of November 6, 2016 by and between Dialog Semiconductor (UK) Ltd., a corporation organized under the laws of England and Wales, having its principal office at 100 Longwater Avenue, Reading (“DIALOG”) and Energous Corporation, a Delaware corporation (“ENERGOUS”).",
      ),
    ).toEqual(["Dialog Semiconductor (UK) Ltd.", "Energous Corporation"]);
  });

  it("keeps an 'and' inside a name and reads aliases without parentheses", () => {
    expect(
      partiesOf(
        "THIS AGREEMENT is made and entered into as of the 1st day of November, 2002, by and between TENNESSEE GAS PIPELINE COMPANY, a Delaware Corporation, hereinafter referred to as “Transporter” and LOUISVILLE GAS AND ELECTRIC COMPANY, a Kentucky Corporation, hereinafter referred to as “Shipper.”",
      ),
    ).toEqual(["TENNESSEE GAS PIPELINE COMPANY", "LOUISVILLE GAS AND ELECTRIC COMPANY"]);
  });

  it("reads an individual and ends a name at its legal form", () => {
    expect(
      partiesOf(
        "This Consulting Agreement (the “Agreement”), made this 27th day of March, 2017 is entered into by Xencor, Inc. 111 W. Lemon Ave. Monrovia, a Delaware corporation (the “Company”), and Alan Crane, an individual (the “Consultant”).",
      ),
    ).toEqual(["Xencor, Inc.", "Alan Crane"]);
  });

  it("does not take a signatory 'represented by' for the party", () => {
    expect(
      partiesOf(
        "Aduro Biotech, Inc., with a place of business at 740 Heinz Avenue, Berkeley, CA 94710 (“Aduro”) and IREYA B.V having an address at Staalwijkstraat 16, Leiden, the Netherlands, represented by Andrea van Elsas, (“Consultant”) agree to all terms and conditions of this Consulting Agreement (“Agreement”).",
      ),
    ).toEqual(["Aduro Biotech, Inc.", "IREYA B.V"]);
  });

  it("adds no party for an alias that restates one or names a document or a fee", () => {
    expect(
      partiesOf(
        'Under this e-business Hosting Agreement ("Agreement") between International Business Machines Corporation ("IBM") and Bluefly, Inc. ("Customer"), IBM will provide services ("Services") to Customer under order forms accepted by IBM ("Order Forms") and attachments selected by Customer ("Service Option Attachments"), for a fee ("Hosting Fee").',
      ),
    ).toEqual(["International Business Machines Corporation", "Bluefly, Inc."]);
  });

  it("adds the addressee of a letter agreement", () => {
    expect(
      partiesOf(
        "AGENCY AGREEMENT , 2009 Keefe, Bruyette & Woods, Inc. Investment Banking 10 South Wacker Drive, Chicago, Illinois 60606 Ladies and Gentlemen: Athens Bancshares Corporation, a Tennessee corporation (the “Company”), and Athens Federal Community Bank, a federal savings bank (the “Bank”), hereby confirm their agreement with you as follows:",
      ),
    ).toEqual([
      "Athens Bancshares Corporation",
      "Athens Federal Community Bank",
      "Keefe, Bruyette & Woods, Inc.",
    ]);
  });

  it("reads names under form labels and drops a title heading above them", () => {
    expect(
      partiesOf(
        'Exhibit 10.7 CONSULTING AGREEMENT Between Client Name: MEDICAL MANAGER MIDWEST, INC. 53702 Generations Drive ("MMMW") And Customer Name: MTS, INC. 9931 Corporate Service Drive ("Customer") agree as follows.',
      ),
    ).toEqual(["MEDICAL MANAGER MIDWEST, INC.", "MTS, INC."]);
  });

  it("reads 'Party A:' labels when there is no preamble", () => {
    expect(
      partiesOf(
        "Cooperation Agreement of 50MWp Photovoltaic Power Generation Project Party A: People’s Government of Fenyi County Party B: Xinyu Xinwei New Energy Co., Ltd. Party A welcomes and supports Party B to invest in Fenyi County.",
      ),
    ).toEqual(["People’s Government of Fenyi County", "Xinyu Xinwei New Energy Co., Ltd."]);
  });

  it("reads the signature blocks of a document with no preamble", () => {
    expect(
      partiesOf(
        "JOINT FILING AGREEMENT The undersigned hereby agree that the Schedule 13G/A with respect to the shares of Class A Common Stock is filed on behalf of each of us. January 22, 2020 (Date) ABP TRUST /s/ Adam D. Portnoy (Signature) Adam D. Portnoy, President (Name/Title) ADAM D. PORTNOY /s/ Adam D. Portnoy (Signature) ARES TRADING SA ARES TRADING SA By: /s/ Cédric Hyde By: /s/ Luigia Bocola Name: Cédric Hyde",
      ),
    ).toEqual(["ABP TRUST", "ADAM D. PORTNOY", "ARES TRADING SA"]);
  });

  it("reads 'Hereinafter to be referred to as' aliases, also with the quote in parentheses", () => {
    expect(
      partiesOf(
        'THIS SPONSORSHIP AGREEMENT (hereinafter the "Agreement") is made and entered into this 19th day of December 1997, by and between SABCO RACING, INC., a North Carolina corporation (hereinafter Sabco), and Prolong Super Lubricants, Anaheim, Calif. (Hereinafter to be referred to as "Prolong"); WITNESSETH:',
      ),
    ).toEqual(["SABCO RACING, INC.", "Prolong Super Lubricants"]);
    expect(
      partiesOf(
        'THIS AGREEMENT, made as of the 1st day of December, (the "Effective Date") by and between: PPG Paints Trading (Shanghai) Co Ltd hereinafter referred to as ("PPG Shanghai") Address : Suite 2512 Legal representative : Viktoras R. Sekmakas and NeoMedia Micro Paint Repair hereinafter referred to as ("DISTRIBUTOR") Address : 2201 Second Street WITNESSETH:',
      ),
    ).toEqual(["PPG Paints Trading (Shanghai) Co Ltd", "NeoMedia Micro Paint Repair"]);
  });

  it("reads aliases in British single quotes", () => {
    const ctx = scanText(
      "THIS AGREEMENT is made on 1 May 2015 BETWEEN Leader Act Ltd, a company incorporated in Hong Kong (the ‘Supplier’) and EZJR, Inc., a Nevada corporation (the ‘Customer’).",
    );
    const { parties } = findParties(ctx, findPreambleCandidates(ctx));
    expect(parties.map((p) => [p.value, p.definedAs])).toEqual([
      ["Leader Act Ltd", "Supplier"],
      ["EZJR, Inc.", "Customer"],
    ]);
  });

  it("keeps 'and its affiliates' when a side of the contract is named as a group", () => {
    expect(
      partiesOf(
        'This Distributor Agreement (the "Agreement") is made by and between Wireless Links Inc, a Florida corporation ("Company") and Jaguar Investments, Inc. and its affiliates ("Distributor").',
      ),
    ).toEqual(["Wireless Links Inc", "Jaguar Investments, Inc. and its affiliates"]);
  });

  it("takes a plural spelling on the cover page for the same party", () => {
    const names = partiesOf(
      'Source: PF HOSPITALITY GROUP INC., 10-12G, 9/23/2015 Pizza Fusion Holdings, Inc. FRANCHISE AGREEMENT This Franchise Agreement is made by and between Pizza Fusion Holding, Inc., a Florida corporation ("Franchisor"), and the franchisee identified on the cover page.',
    );
    expect(names).toContain("Pizza Fusion Holding, Inc.");
    expect(names.filter((n) => /Pizza Fusion/.test(n))).toHaveLength(1);
  });

  it("reads lowercase brand words inside a name ('bw-3', 'iDreamSky')", () => {
    expect(
      partiesOf(
        'This Franchise Agreement ("Agreement") made this 1st day of May, 1998, by and between bw-3 FRANCHISE SYSTEMS, INC. an Ohio corporation ("we" or "us"), and Wing Partners LLC, a Minnesota limited liability company ("Franchisee").',
      )[0],
    ).toBe("bw-3 FRANCHISE SYSTEMS, INC.");
    expect(
      partiesOf(
        "COOPERATION AGREEMENT BETWEEN Dazzle Interactive Network Technologies Co., Ltd. AND Shenzhen iDreamSky Technology Co., Ltd. made in Nanjing.",
      ),
    ).toEqual([
      "Dazzle Interactive Network Technologies Co., Ltd.",
      "Shenzhen iDreamSky Technology Co., Ltd.",
    ]);
  });

  it("keeps a list of people as one side", () => {
    expect(
      partiesOf(
        'This Mobile Application Development Agreement (the "Agreement") is made and effective from 5th Day of March, 2019 BETWEEN: VGrab Asia Ltd. (hereinafter called as the "VAL"), located at Room E, 397 Hennessy Road, Hong Kong. AND: Mr. Zheng Qing, Mr. Gu Xianwin and Ms. Chen Weijie (hereinafter called as the "Developer"), a group of private software developers.',
      ),
    ).toEqual(["VGrab Asia Ltd.", "Mr. Zheng Qing, Mr. Gu Xianwin and Ms. Chen Weijie"]);
  });

  it("keeps AND inside an all-caps name without a legal form", () => {
    expect(
      partiesOf(
        'THIS AGREEMENT is made this 1st day of April, 2007 ("Effective Date"), by and between INSTITUTE OF GRASSLAND AND ENVIRONMENTAL RESEARCH ("IGER"), a company limited by guarantee, and CERES, INC., a Delaware corporation ("CERES").',
      ),
    ).toEqual(["INSTITUTE OF GRASSLAND AND ENVIRONMENTAL RESEARCH", "CERES, INC."]);
  });

  it("ends a name without a legal form before the street address under it", () => {
    expect(
      partiesOf(
        'OUTSOURCING AGREEMENT BETWEEN: MODUS MEDIA INTERNATIONAL LANDDROSTLAAN 51 7327 GM APELDOORN THE NETHERLANDS (HEREINAFTER "MMI") AND DRAGON SYSTEMS, INC. 320 NEVADA STREET NEWTON, MA 02160 (HEREINAFTER "DRAGON")',
      ),
    ).toEqual(["MODUS MEDIA INTERNATIONAL", "DRAGON SYSTEMS, INC."]);
  });

  it("keeps a trade name given after the descriptor ('doing business as')", () => {
    expect(
      partiesOf(
        'This agreement is made and entered into this 1st day of May, 1997 (hereinafter referred to as "Effective Date") by and between Pretzel Time, Inc., a Pennsylvania corporation with its principal place of business at 4800 Linglestown Road, Harrisburg, Pennsylvania 17112 trading and doing business as Pretzel Time (hereinafter referred to as Pretzel Time) and Mall Snacks LLC, a Texas limited liability company (hereinafter referred to as "Franchisee").',
      ),
    ).toEqual(["Pretzel Time, Inc. doing business as Pretzel Time", "Mall Snacks LLC"]);
  });

  it("skips a descriptor in front of a person's name ('between professional golfer, TOM WATSON')", () => {
    expect(
      partiesOf(
        'This Agreement is entered into on January 13, 2005 between professional golfer, TOM WATSON, (hereinafter referred to as "CONSULTANT") and ADAMS GOLF, LTD. (hereinafter referred to as "ADAMS GOLF").',
      ),
    ).toEqual(["TOM WATSON", "ADAMS GOLF, LTD."]);
  });

  it("does not take a party's bank from its payment details", () => {
    const names = partiesOf(
      "COOPERATION AGREEMENT Party A: Dazzle Interactive Network Technologies Co., Ltd. Address: Han Zhong Road, Nanjing AND Party B: Shenzhen iDreamSky Technology Co., Ltd. Address: Nanshan District, Shenzhen Deposit Bank: China Merchants Bank Co., Ltd., CMB Shenzhen Sungang Sub-branch A/C:",
    );
    expect(names).toContain("Shenzhen iDreamSky Technology Co., Ltd.");
    expect(names).not.toContain("China Merchants Bank Co., Ltd.");
  });
});
