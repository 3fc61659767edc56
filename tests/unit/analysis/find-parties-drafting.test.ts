import { describe, expect, it } from "vitest";
import { maskFilingStamps } from "@/lib/analysis/text/filing-stamps";
import { partiesOf } from "./parties-of";

// Synthetic preambles, one per way drafters name the parties, and look-alikes that must not
// add a party. Names are invented; the patterns are the ones contracts use.

describe("findParties across drafting patterns", () => {
  it.each([
    [
      "between … and, with legal forms and state descriptors",
      'This License Agreement (this "Agreement") is made and entered into as of January 1, 2020 (the "Effective Date") by and between Acme Widgets, Inc., a Delaware corporation ("Licensor"), and Beta Systems LLC, a California limited liability company ("Licensee").',
      ["Acme Widgets, Inc.", "Beta Systems LLC"],
    ],
    [
      "by and among three parties in capitals, closed by 'each a Party'",
      'THIS DISTRIBUTION AGREEMENT is made as of March 3, 2011, by and among NORTHWIND TRADERS CORP., a Nevada corporation ("Northwind"), GLOBEX HOLDINGS LIMITED, a company incorporated in Hong Kong ("Globex"), and INITECH GMBH, a German limited liability company ("Initech") (each a "Party" and together the "Parties").',
      ["NORTHWIND TRADERS CORP.", "GLOBEX HOLDINGS LIMITED", "INITECH GMBH"],
    ],
    [
      "a numbered list with registered offices",
      'This Agreement is dated 4 June 2015 and is made BETWEEN:\n\n(1) ACME LIMITED, a company incorporated in England and Wales with company number 01234567 whose registered office is at 1 High Street, London EC1A 1AA ("Supplier"); and\n\n(2) BETA S.A., a société anonyme organised under the laws of France, whose registered office is at 10 rue de la Paix, 75002 Paris ("Customer").\n\nBACKGROUND',
      ["ACME LIMITED", "BETA S.A."],
    ],
    [
      "an individual with a home address",
      'This Consulting Agreement (the "Agreement") is entered into as of May 1, 2019 by and between Gamma Therapeutics, Inc., a Delaware corporation (the "Company"), and John Q. Smith, an individual residing at 45 Elm Street, Boston, Massachusetts 02110 ("Consultant").',
      ["Gamma Therapeutics, Inc.", "John Q. Smith"],
    ],
    [
      "an individual 'of' an address",
      'This Agreement is made on 1 March 2018 between Jane Doe, of 12 Park Lane, London W1 ("Executive") and Omega Partners LLP, a limited liability partnership ("Firm").',
      ["Jane Doe", "Omega Partners LLP"],
    ],
    [
      "(hereinafter …) aliases and Co., Ltd. / Pty Ltd forms",
      'This Supply Agreement is entered into on February 2, 2016 between Delta Foods Co., Ltd. (hereinafter "Seller") and Epsilon Retail Pty Ltd (hereinafter referred to as the "Buyer").',
      ["Delta Foods Co., Ltd.", "Epsilon Retail Pty Ltd"],
    ],
    [
      "commas inside names ('Smith, Barney & Co., Inc.', ', L.P.')",
      'This Agreement is made as of July 1, 2014 by and between Smith, Barney & Co., Inc., a New York corporation ("SB"), and Kappa Capital Partners, L.P., a Delaware limited partnership ("Kappa").',
      ["Smith, Barney & Co., Inc.", "Kappa Capital Partners, L.P."],
    ],
    [
      "foreign forms with 'organized under the laws of'",
      'THIS AGREEMENT is entered into as of August 8, 2008 by and between Banco Lambda, S.A., a corporation organized under the laws of Spain ("Lambda"), and Sigma Technologies GmbH, a company organized under the laws of Germany ("Sigma").',
      ["Banco Lambda, S.A.", "Sigma Technologies GmbH"],
    ],
    [
      "'on behalf of itself and its Affiliates' after the name",
      'This Master Services Agreement is entered into as of June 30, 2017 by and between Rho Networks, Inc., on behalf of itself and its Affiliates ("Rho"), and Tau Services Corporation ("Provider").',
      ["Rho Networks, Inc.", "Tau Services Corporation"],
    ],
    [
      "'of the one part … of the other part' with addresses",
      'THIS AGREEMENT made the 5th day of May, 2001 BETWEEN: UPSILON LIMITED of 3 Harbour Road, Wanchai, Hong Kong (hereinafter called "the Licensor") of the one part AND PHI TRADING COMPANY LIMITED of 7 Queen\'s Road, Central, Hong Kong (hereinafter called "the Licensee") of the other part.',
      ["UPSILON LIMITED", "PHI TRADING COMPANY LIMITED"],
    ],
    [
      "'with offices at' / 'located at' before the alias",
      'This Reseller Agreement ("Agreement") is made by and between Chi Software Corp., with offices at 100 Main Street, Austin, Texas 78701 ("Chi") and Psi Solutions Inc., located at 200 Oak Avenue, Dallas, Texas 75201 ("Reseller").',
      ["Chi Software Corp.", "Psi Solutions Inc."],
    ],
    [
      "a role alias, an individual and a business without a legal form",
      'This Endorsement Agreement is entered into as of the 1st day of February, 2015 by and between Xi Apparel Company ("Company") and Michael Jordan ("Athlete").',
      ["Xi Apparel Company", "Michael Jordan"],
    ],
    [
      "'(formerly known as …)' after the name",
      'This Agreement is made effective as of July 7, 2007 by and between Omicron Corp. (formerly known as Old Omicron, Inc.), a Delaware corporation ("Omicron"), and Pi LLC ("Pi").',
      ["Omicron Corp.", "Pi LLC"],
    ],
    [
      "Indian drafting: 'which expression shall … include its successors'",
      'THIS AGREEMENT is made this 2nd day of January 2013, by and between Rho Pharma Private Limited, a company incorporated under the Companies Act, 1956 and having its registered office at Mumbai, India (hereinafter referred to as "Rho", which expression shall, unless repugnant to the context, include its successors and permitted assigns) of the ONE PART and Sigma Labs Inc., a Delaware corporation (hereinafter referred to as "Sigma") of the OTHER PART.',
      ["Rho Pharma Private Limited", "Sigma Labs Inc."],
    ],
    [
      "registration numbers in parentheses after the name",
      'THIS AGREEMENT is made between XI SOFTWARE PTE. LTD. (Company Registration No. 201012345K), a company incorporated in Singapore ("Xi") and OMICRON SDN. BHD. (Company No. 123456-A), a company incorporated in Malaysia ("Omicron").',
      ["XI SOFTWARE PTE. LTD.", "OMICRON SDN. BHD."],
    ],
    [
      "Mexican forms ('S. de R.L. de C.V.')",
      'THIS AGREEMENT is made as of November 1, 2016 between SIGMA MEDIA S.A. DE C.V., a Mexican corporation ("Sigma") and TAU DIGITAL, S. DE R.L. DE C.V. ("Tau").',
      ["SIGMA MEDIA S.A. DE C.V.", "TAU DIGITAL, S. DE R.L. DE C.V."],
    ],
    [
      "'and', '- and -' between Canadian parties",
      'THIS AGREEMENT made as of the 1st day of March, 2005, BY AND BETWEEN: IOTA TECHNOLOGIES INC., a corporation incorporated under the laws of the Province of Ontario (hereinafter referred to as "Iota"), - and - KAPPA NETWORKS LTD., a corporation incorporated under the laws of Canada (hereinafter referred to as "Kappa").',
      ["IOTA TECHNOLOGIES INC.", "KAPPA NETWORKS LTD."],
    ],
    [
      "a national bank ('N.A.')",
      'This Agreement is entered into on March 3, 2003 by and between Alpha Bank, N.A., a national banking association ("Bank"), and Beta Card Services, Inc. ("Beta").',
      ["Alpha Bank, N.A.", "Beta Card Services, Inc."],
    ],
  ])("%s", (_pattern, text, expected) => {
    expect(partiesOf(text)).toEqual(expected);
  });

  it("reads a dot-com name written all in lowercase", () => {
    expect(
      partiesOf(
        'This Co-Branding Agreement is entered into as of July 1, 1999 between drugmart.com, inc., a Delaware corporation ("Drugmart"), and Phi Online, Inc. ("Phi").',
      ),
    ).toEqual(["drugmart.com, inc.", "Phi Online, Inc."]);
  });

  it("reads an alias given after other words inside the parentheses", () => {
    expect(
      partiesOf(
        'This Agreement is entered into by and between Mu Corp., a Delaware corporation (hereinafter, together with its affiliates, "Mu"), and Nu Technologies Inc. (acting through its London branch, the "Bank").',
      ),
    ).toEqual(["Mu Corp.", "Nu Technologies Inc."]);
  });

  it("reads parties listed with commas, people and a bank without a legal form", () => {
    expect(
      partiesOf(
        'This Agreement is made by and among Acme Holdings, Inc., a Delaware corporation ("Acme"), John Smith ("Smith"), and Mary Jones ("Jones").',
      ),
    ).toEqual(["Acme Holdings, Inc.", "John Smith", "Mary Jones"]);
    expect(
      partiesOf(
        'This Agreement dated March 1, 2002 is between Chi Bancorp, Inc. (the "Company"), Chi National Bank (the "Bank") and Psi Advisors, LLC (the "Advisor").',
      ),
    ).toEqual(["Chi Bancorp, Inc.", "Chi National Bank", "Psi Advisors, LLC"]);
  });

  it("does not take a descriptor after an alias for the next party", () => {
    expect(
      partiesOf(
        'This Agreement is entered into by Quartz Chemical Corporation ("Buyer"), a Pennsylvania corporation, and Opal Lubricants Ltd., a Cayman Islands company ("Seller").',
      ),
    ).toEqual(["Quartz Chemical Corporation", "Opal Lubricants Ltd."]);
  });

  it("names each party of a group defined 'together'", () => {
    expect(
      partiesOf(
        'This Agreement is between Acme Corp. ("Acme"), on the one hand, and Beta Inc. and Gamma LLC (together, "Purchasers"), on the other hand.',
      ),
    ).toEqual(["Acme Corp.", "Beta Inc.", "Gamma LLC"]);
  });

  it("stops at the parties of a document the preamble recites", () => {
    expect(
      partiesOf(
        'Ladies and Gentlemen: Opal Group, Incorporated, a Missouri corporation (the "Company"), and Opal Capital Trust I, a Delaware statutory trust (the "Trust"), issued units under a Unit Agreement (the "Unit Agreement") dated as of December 18, 2001 among the Company, the Trust and Garnet Trust Company, N.A., as unit agent (in such capacity, the "Unit Agent").',
      ),
    ).toEqual(["Opal Group, Incorporated", "Opal Capital Trust I"]);
  });

  it("does not take the filer named in an EDGAR page stamp for a party", () => {
    const names = partiesOf(
      'Source: MU HOLDINGS INC, 10-K, 3/1/2011\n\nFRANCHISE AGREEMENT This Franchise Agreement is entered into between Nu Holdings, Inc., a Florida corporation ("Franchisor"), and the franchisee named on the cover page.',
    );
    expect(names).toEqual(["Nu Holdings, Inc."]);
  });
});

describe("findParties in less common preambles", () => {
  it("keeps 'of the' inside a name", () => {
    expect(
      partiesOf(
        'This Agreement is entered into as of September 1, 2009, by and between The Regents of the University of California, a California public corporation ("The Regents"), and Theta Bio, Inc., a Delaware corporation ("Licensee").',
      ),
    ).toEqual(["Regents of the University of California", "Theta Bio, Inc."]);
  });

  it("reads a deed made by one party in favour of another", () => {
    expect(
      partiesOf(
        'THIS GUARANTEE is made on 3 March 2012 by DELTA GROUP PLC (the "Guarantor") in favour of EPSILON BANK LIMITED (the "Bank").',
      ),
    ).toEqual(["DELTA GROUP PLC", "EPSILON BANK LIMITED"]);
  });

  it("reads lettered and roman-numbered party lists", () => {
    expect(
      partiesOf(
        'This Agreement is entered into as of May 1, 2010 among (a) Alpha Capital LLC ("Alpha"), (b) John Doe ("Doe"), and (c) Gamma Trust Company ("Gamma").',
      ),
    ).toEqual(["Alpha Capital LLC", "John Doe", "Gamma Trust Company"]);
    expect(
      partiesOf(
        'This Agreement is entered into as of May 1, 2010 among (i) Alpha Capital LLC ("Alpha"); (ii) Beta Partners LP ("Beta"); and (iii) Gamma Trust Company ("Gamma").',
      ),
    ).toEqual(["Alpha Capital LLC", "Beta Partners LP", "Gamma Trust Company"]);
  });

  it("reads an English 'PARTIES' section with unquoted roles", () => {
    expect(
      partiesOf(
        "This Agreement is dated 4 June 2015.\n\nPARTIES\n\n(1) Acme Limited incorporated and registered in England and Wales with company number 01234567 whose registered office is at 1 High Street, London (Supplier).\n\n(2) Beta Trading Limited incorporated and registered in England and Wales with company number 07654321 whose registered office is at 2 Low Road, Leeds (Customer).\n\nBACKGROUND\n\n(A) The Supplier makes widgets.",
      ),
    ).toEqual(["Acme Limited", "Beta Trading Limited"]);
    expect(
      partiesOf(
        "This Agreement is dated 4 June 2015.\n\nParties\n\n1. Acme Limited incorporated and registered in England and Wales with company number 01234567 whose registered office is at 1 High Street, London (the Supplier).\n\n2. John Smith of 2 Low Road, Leeds (the Consultant).\n\nAgreed terms",
      ),
    ).toEqual(["Acme Limited", "John Smith"]);
  });

  it("keeps capitalized words in parentheses that are not roles inside the name", () => {
    expect(
      partiesOf(
        'This Agreement is made between Opal Trading (Shanghai) Co., Ltd. ("Opal") and Quartz Devices (UK) Limited ("Quartz").',
      ),
    ).toEqual(["Opal Trading (Shanghai) Co., Ltd.", "Quartz Devices (UK) Limited"]);
  });

  it("reads parties that 'agree as follows' without a 'between'", () => {
    expect(partiesOf('Acme Inc. ("Acme") and Beta LLC ("Beta") agree as follows:')).toEqual([
      "Acme Inc.",
      "Beta LLC",
    ]);
  });

  it("names a side known only by its role as the preamble words it", () => {
    expect(
      partiesOf(
        'Ladies and Gentlemen: Opal Financial Corporation, a Georgia corporation (the "Company"), proposes to engage the sales agent identified on the signature page to this Agreement (the "Agent" or "you") to assist the Company.',
      ),
    ).toEqual(["Opal Financial Corporation", "sales agent"]);
    expect(
      partiesOf(
        'This Amendment is made by and among Sagebrush, a California general partnership ("Partnership"), the undersigned partners of the Partnership, being all of the Sagebrush partners ("Partners"), and Toyo Management Inc., a California corporation ("Manager").',
      ),
    ).toEqual(["Sagebrush", "Sagebrush partners", "Toyo Management Inc."]);
  });

  it.each([
    ['and ______________________ ("Distributor")', "Distributor"],
    ['and <<enter Company Name>> ("Supplier")', "Supplier"],
    ['and ______________, a _________ corporation ("Franchisee")', "Franchisee"],
  ])("names a party a form leaves blank by its role: %s", (blank, role) => {
    expect(partiesOf(`This Agreement is made by and between Acme Inc. ("Acme") ${blank}.`)).toEqual(
      ["Acme Inc.", role],
    );
  });

  it("adds the person a letter agreement greets", () => {
    expect(
      partiesOf(
        'March 1, 2010\n\nMr. John Smith\n12 Elm Street\nBoston, MA 02110\n\nDear Mr. Smith:\n\nThis letter agreement (this "Agreement") sets forth the terms of your engagement by Acme Corporation (the "Company"). 1. Services. You will provide consulting services.',
      ),
    ).toEqual(["Acme Corporation", "John Smith"]);
  });

  it("does not take a party's parent company for a party", () => {
    expect(
      partiesOf(
        'This Agreement is made by and between Acme Inc. ("Acme"), a wholly-owned subsidiary of Acme Holdings Ltd., and Beta Corp., a Nevada corporation.',
      ),
    ).toEqual(["Acme Inc.", "Beta Corp."]);
  });
});

describe("findParties with foreign legal forms and quotes", () => {
  it.each([
    ["Finnish and Danish", "Upsilon Oy", "Phi ApS"],
    ["German and Japanese", "Theta GmbH & Co. KG", "Iota K.K."],
    ["French", "Delta Retail SAS", "Epsilon Conseil S.A.R.L."],
    ["Spanish and Brazilian", "Zeta Servicios S.L.", "Eta Aviação Ltda."],
    ["Indonesian and Malaysian", "PT Kappa Persada Tbk", "Lambda Sdn. Bhd."],
    ["American professional and banking", "Mu Medical Group, P.C.", "Nu Bank, N.A."],
  ])("reads %s forms without aliases", (_forms, first, second) => {
    expect(
      partiesOf(`This Agreement is made by and between ${first} and ${second} on May 1, 2010.`),
    ).toEqual([first, second]);
  });

  it("reads aliases in guillemets and low quotes", () => {
    expect(
      partiesOf("This Agreement is made between Acme S.A. («Acme») and Beta S.A.R.L. («Beta»)."),
    ).toEqual(["Acme S.A.", "Beta S.A.R.L."]);
    expect(
      partiesOf("This Agreement is made between Acme GmbH („Acme“) and Beta AG („Beta“)."),
    ).toEqual(["Acme GmbH", "Beta AG"]);
  });
});

describe("findParties in preambles typed in capitals", () => {
  it.each([
    [
      "', A DELAWARE CORPORATION'",
      'THIS AGREEMENT IS MADE AND ENTERED INTO AS OF MAY 1, 2010 BY AND BETWEEN ACME CORPORATION, A DELAWARE CORPORATION ("ACME"), AND BETA SYSTEMS, INC., A NEVADA CORPORATION ("BETA").',
      ["ACME CORPORATION", "BETA SYSTEMS, INC."],
    ],
    [
      "', HAVING ITS PRINCIPAL OFFICE AT' and ', WITH OFFICES AT'",
      'THIS AGREEMENT IS MADE BY AND BETWEEN GAMMA LABS LLC, HAVING ITS PRINCIPAL OFFICE AT 1 MAIN STREET, BOSTON, MA ("GAMMA") AND DELTA HOLDINGS LIMITED, WITH OFFICES AT 2 HIGH STREET, LONDON ("DELTA").',
      ["GAMMA LABS LLC", "DELTA HOLDINGS LIMITED"],
    ],
    [
      "', AN INDIVIDUAL'",
      'THIS AGREEMENT IS BETWEEN JOHN SMITH, AN INDIVIDUAL ("SMITH") AND EPSILON MEDIA GROUP, INC. ("EPSILON").',
      ["JOHN SMITH", "EPSILON MEDIA GROUP, INC."],
    ],
    [
      "'ON BEHALF OF ITS CLIENT'",
      'THIS AGREEMENT is made by and between THETA SPORTS MANAGEMENT, LLC ON BEHALF OF ITS CLIENT JOHN ATHLETE ("THETA") and IOTA FOODS, INC. ("IOTA").',
      ["THETA SPORTS MANAGEMENT, LLC", "IOTA FOODS, INC."],
    ],
    [
      "', A CORPORATION ORGANIZED UNDER THE LAWS OF'",
      'THIS AGREEMENT is made by and between KAPPA ENERGY CORPORATION, A CORPORATION ORGANIZED UNDER THE LAWS OF THE STATE OF TEXAS ("KAPPA") and LAMBDA PARTNERS, L.P. ("LAMBDA").',
      ["KAPPA ENERGY CORPORATION", "LAMBDA PARTNERS, L.P."],
    ],
    [
      "Title Case descriptors",
      'This Agreement Is Made By And Between Acme Corporation, A Delaware Corporation ("Acme"), And Gamma Labs LLC, Having Its Principal Office At 1 Main Street, Boston ("Gamma").',
      ["Acme Corporation", "Gamma Labs LLC"],
    ],
  ])("ends a name at %s", (_descriptor, text, expected) => {
    expect(partiesOf(text)).toEqual(expected);
  });

  it("keeps ', Incorporated' as the legal form it is", () => {
    expect(
      partiesOf(
        'This Agreement is made between Opal Group of America, Incorporated, a Missouri corporation (the "Company"), and Quartz Capital Inc. ("Quartz").',
      ),
    ).toEqual(["Opal Group of America, Incorporated", "Quartz Capital Inc."]);
  });
});

describe("findParties after the parties are named", () => {
  it.each([
    [
      "a supplier's manufacturers in the next sentence",
      'This Agreement is made as of May 1, 2010 between Acme Inc., a Delaware corporation ("Acme"), and Beta Corp., a Nevada corporation. Acme wishes to buy products manufactured by Gamma Ltd. and distributed by Delta LLC in the Territory.',
    ],
    [
      "an earlier agreement with another company",
      'This Agreement is entered into by and between Acme Inc. ("Acme") and Beta LLC ("Beta"). The parties previously entered into a Supply Agreement with Gamma Corp. ("Gamma").',
    ],
    [
      "a merger with another company",
      'This Agreement is entered into by and between Acme Inc. ("Acme") and Beta LLC ("Beta"). In connection with the merger of Delta Holdings Corp. ("Delta") into Acme, the parties agree as follows.',
    ],
    [
      "a lender whose consent makes the agreement effective",
      'This Agreement is entered into by and between Acme Inc. ("Acme") and Beta LLC ("Beta"). It takes effect on the date on which Gamma Bank, N.A. (the "Lender") consents.',
    ],
    [
      "a first section that starts with a company's role",
      'This Services Agreement is entered into between Acme Crowdfunding, Inc., a Delaware corporation ("Company"), and Beta Vending, Inc., a Delaware corporation ("Customer"). 1. Services Company agrees to present the offering (the "Offering") to users.',
    ],
  ])("adds no party for %s", (_case, text) => {
    const names = partiesOf(text);
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/^Acme/);
    expect(names[1]).toMatch(/^Beta/);
  });

  it("adds a party that a later sentence makes one", () => {
    expect(
      partiesOf(
        'This Agreement is entered into by Quartz Chemical Corporation ("Buyer") and Opal Lubricants Ltd. ("Seller"). In addition, Opal India, Ltd ("Opal India") is executing this Agreement solely for purposes of Section 1(c).',
      ),
    ).toEqual(["Quartz Chemical Corporation", "Opal Lubricants Ltd.", "Opal India, Ltd"]);
  });

  it("reads a third numbered party in its own sentence", () => {
    expect(
      partiesOf(
        "This Agreement is dated 4 June 2015.\n\nPARTIES\n\n(1) Acme Limited whose registered office is at 1 High Street, London (Supplier).\n\n(2) Beta Trading Limited whose registered office is at 2 Low Road, Leeds (Customer).\n\n(3) Gamma Holdings plc whose registered office is at 3 Mill Lane, York (Guarantor).\n\nBACKGROUND",
      ),
    ).toEqual(["Acme Limited", "Beta Trading Limited", "Gamma Holdings plc"]);
  });
});

describe("findParties for people named without aliases", () => {
  it.each([
    [
      "two people",
      "This Agreement is made between John Smith and Jane Doe on May 1, 2010.",
      ["John Smith", "Jane Doe"],
    ],
    [
      "a company and a person with an address",
      "This Consulting Agreement is entered into on May 1, 2010 by and between Acme Inc., a Delaware corporation, and Mary O'Brien, residing at 5 Elm Road, Salem.",
      ["Acme Inc.", "Mary O'Brien"],
    ],
    [
      "a person listed after two companies",
      "This Joint Filing Agreement is made by Kappa Capital Partners, L.P., Kappa Capital GP, LLC and John K. Smith.",
      ["Kappa Capital Partners, L.P.", "Kappa Capital GP, LLC", "John K. Smith"],
    ],
  ])("reads %s", (_case, text, expected) => {
    expect(partiesOf(text)).toEqual(expected);
  });

  it.each([
    ["roles", "This Agreement is made between Licensor and Licensee on the Effective Date.", []],
    [
      "a subject after both parties",
      "This Agreement is made between ACME INC. and BETA LTD. for the provision of Research and Development Services.",
      ["ACME INC.", "BETA LTD."],
    ],
  ])("takes no person from %s", (_case, text, expected) => {
    expect(partiesOf(text)).toEqual(expected);
  });
});

describe("findParties in a document that opens with its recitals", () => {
  it("reads the parties the first recital names", () => {
    expect(
      partiesOf(
        'EXHIBIT 10.28 OPAL GROUP, INC. ENDORSEMENT AGREEMENT WHEREAS, Opal Group, Inc. (the "Company") and the Trustees of the Quartz Family Trust (the "Trust") entered into a Split Dollar Agreement, dated as of December 5, 1995 (the "Split Dollar Agreement"); and WHEREAS, the policy was issued to the Trust by the Garnet Life Insurance Company (the "Insurer");',
      ),
    ).toEqual(["Opal Group, Inc.", "Trustees of the Quartz Family Trust"]);
  });

  it("does not read past a preamble that names the parties into the recitals", () => {
    expect(
      partiesOf(
        'This Agreement is made between Acme Inc. ("Acme") and Beta LLC ("Beta"). WHEREAS, Acme has licensed software from Gamma Corp. ("Gamma");',
      ),
    ).toEqual(["Acme Inc.", "Beta LLC"]);
  });
});

describe("findParties on look-alikes of a preamble", () => {
  it("does not anchor a preamble on 'made by' in operative text", () => {
    expect(
      partiesOf(
        'This Agreement is made between ACME INC. and BETA LTD.\n\n1. Payments. All payments made by Gamma Retail (the "Payer") shall be made in dollars.',
      ),
    ).toEqual(["ACME INC.", "BETA LTD."]);
  });

  it("does not read a reference to a defined term as an alias", () => {
    expect(
      partiesOf(
        'This Agreement is entered into between Acme Inc. (other than its "Excluded Subsidiaries") and Beta LLC ("Beta").',
      ).sort(),
    ).toEqual(["Acme Inc.", "Beta LLC"]);
  });

  it("does not start a name at 'with Offices'", () => {
    expect(
      partiesOf(
        'This Agreement is made between Jane Roe, with Offices at 5 Elm Road, Salem ("Roe") and Beta LLC ("Beta").',
      ),
    ).toEqual(["Jane Roe", "Beta LLC"]);
  });
});

describe("maskFilingStamps", () => {
  it("blanks the stamp and keeps every offset", () => {
    const text = "of the Parties. 1Source: PF HOSPITALITY GROUP INC., 10-12G, 9/23/2015 Next page";
    const masked = maskFilingStamps(text);
    expect(masked).toHaveLength(text.length);
    expect(masked).not.toContain("HOSPITALITY");
    expect(masked).toContain("Next page");
  });

  it("keeps a 'Source:' that is not a filing stamp", () => {
    const text = "Source: the Licensor's own records, as updated.";
    expect(maskFilingStamps(text)).toBe(text);
  });
});
