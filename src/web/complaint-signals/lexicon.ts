/**
 * The rules behind "This reads like a complaint". The policy's definition — "any expression of dissatisfaction,
 * justified or not" — is the guide: each rule is general dissatisfaction language (a feeling, a failure, a
 * refusal, a demand to put it right, a threat to go elsewhere), not the vocabulary of any one trade. Each carries
 * the plain reason shown to staff, so a flag can always be explained and questioned.
 */
export interface SignalRule {
  id: string;
  /** Why this phrase matters, in the words shown in the pane. */
  reason: string;
  pattern: RegExp;
  /** 2: dissatisfaction on its own; 1: needs another signal beside it. */
  weight: 1 | 2;
}

const rule = (id: string, reason: string, weight: 1 | 2, source: string): SignalRule => ({
  id,
  reason,
  weight,
  pattern: new RegExp(source, "gi"),
});

export const SIGNAL_RULES: readonly SignalRule[] = [
  rule("complaint", "Uses the word complaint", 2, String.raw`\bcomplain(?:t|ts|ed|ing|s)?\b`),
  rule(
    "feeling",
    "Says how unhappy they are",
    2,
    String.raw`\b(?:dis(?:appointed|appointing|satisfied|gusted|tressed|tressing)|unhappy|not (?:at all )?(?:happy|satisfied|pleased)|frustrat(?:ed|ing|ion)|upset(?:ting)?|angry|furious|annoyed|fed up|let down|sick and tired|stressful|anxiety|humiliat\w*)\b`,
  ),
  rule(
    "strong-words",
    "Strong words about what happened",
    2,
    String.raw`\b(?:unacceptable|appalling|disgraceful|outrageous|shocking(?:ly)?|ridiculous|absurd|terrible|horrible|awful|atrocious|dreadful|pathetic|a joke|disgusting|inexcusable|egregious)\b`,
  ),
  rule(
    "wrong",
    "Says something is wrong or inaccurate",
    2,
    String.raw`\b(?:inaccura(?:te|tely|cy|cies)|incorrect(?:ly)?|wrong(?:ly|ful|fully)?|erroneous(?:ly)?|falsely|false information|not accurate|not correct|outdated|mistakenly|by mistake|in error)\b`,
  ),
  rule("error", "Mentions a mistake or error", 1, String.raw`\b(?:mistakes?|errors?|discrepanc(?:y|ies))\b`),
  rule(
    "refused",
    "Says they were refused or turned down",
    2,
    String.raw`\b(?:refus(?:e|ed|es|ing|al)|denied|deny(?:ing)?|declined to|rejected|would not (?:help|listen|accept|allow|let)|won'?t (?:help|listen|accept|allow|let))\b`,
  ),
  rule(
    "no-response",
    "Says they have had no answer or no result",
    2,
    String.raw`\b(?:never (?:received|got|heard|arrived|responded|replied|returned|provided|sent|resolved|fixed|credited|applied|removed|corrected|updated|processed)|(?:not|n'?t) had any (?:luck|response|reply|help|answer)|still (?:not|no|waiting|have(?:n'?t| not)|has(?:n'?t| not)|hasn'?t|haven'?t|unresolved|owe)|no (?:response|reply|answer|resolution|explanation|one (?:has )?(?:got|gotten|come|called) back)|not (?:yet )?(?:been )?(?:resolved|refunded|fixed|addressed|answered|returned|honou?red|credited)|without (?:any )?(?:response|explanation|verification|notice|warning|(?:my )?(?:consent|permission|knowledge|authori[sz]ation))|ignor(?:ed|ing)|(?:unable|impossible) to (?:get|reach|contact|speak|access|obtain|resolve)|can ?not get (?:a|any|through)|to no avail)\b`,
  ),
  rule(
    "unauthorised",
    "Says something was done without their agreement",
    2,
    String.raw`\b(?:unauthori[sz]ed|fraud(?:ulent(?:ly)?|ster)?|scam(?:med|mer)?|identity theft|stolen|theft|not mine|(?:is|are|was|were) not (?:my|mine)|do(?:es)? not (?:belong to|owe)|don'?t owe|never (?:opened|authori[sz]ed|applied|agreed|signed)|not owed)\b`,
  ),
  rule("dispute", "Disputes something", 2, String.raw`\bdisput(?:e|ed|es|ing)\b`),
  rule(
    "rights",
    "Says their rights or the law were broken",
    2,
    String.raw`\b(?:violat(?:e|ed|es|ing|ion|ions)|illegal(?:ly)?|unlawful(?:ly)?|breach(?:ed|es)?|against the law|my rights|discriminat\w*|negligen(?:t|ce)|predatory|unfair(?:ly)?|not fair|unjust(?:ly)?|abus(?:e|ive))\b`,
  ),
  rule(
    "conduct",
    "Describes someone's behaviour as unacceptable",
    2,
    String.raw`\b(?:harass(?:ed|ing|ment)?|threat(?:en|ened|ening|s)?|intimidat\w+|bull(?:y|ied|ying)|rude(?:ly|ness)?|unprofessional(?:ly)?|disrespectful|condescending|dismissive|hostile|aggressive(?:ly)?|patroni[sz]ing)\b`,
  ),
  rule(
    "misled",
    "Says they were misled",
    2,
    String.raw`\b(?:mislead(?:ing)?|misled|deceiv(?:e|ed|ing)|decepti(?:ve|on)|lied|lying|lies|dishonest(?:ly|y)?|misrepresent\w*|false promises?|bait and switch|tricked)\b`,
  ),
  rule(
    "quality",
    "Criticises the quality of what they got",
    1,
    String.raw`\b(?:poor(?:ly)?|substandard|inadequate(?:ly)?|incompeten(?:t|ce)|careless(?:ly)?|sloppy|useless|worthless|shoddy|not fit for purpose|not good enough|below standard)\b`,
  ),
  rule(
    "failed",
    "Says someone failed to do something",
    2,
    String.raw`\b(?:fail(?:ed|s|ing)? to|failure to|neglected to|did not (?:bother|follow|honou?r|keep)|didn'?t (?:bother|follow|honou?r|keep)|broken promises?|went back on)\b`,
  ),
  rule(
    "money",
    "Asks for money back or disputes a charge",
    1,
    String.raw`\b(?:refund(?:ed|s)?|compensat(?:e|ion)|reimburs\w+|money back|charged (?:me )?(?:twice|again|incorrectly|without)|overcharg\w+|double[- ]charg\w+|hidden (?:fees|charges)|late fees?|penalt(?:y|ies)|chargeback)\b`,
  ),
  rule(
    "escalate",
    "Threatens to take it further",
    2,
    String.raw`\b(?:escalat(?:e|ed|ing|ion)|ombudsman|legal action|take (?:this|it) further|solicitors?|lawyers?|attorney|small claims|trading standards|regulators?|cfpb|consumer protection|better business bureau|report (?:this|you|them|it) to|file a (?:formal )?(?:report|claim))\b`,
  ),
  rule(
    "harm",
    "Describes harm it caused them",
    2,
    String.raw`\b(?:victim|suffer(?:ed|ing)?|hardship|damag(?:ed|ing) my|ruin(?:ed|ing)|hurt(?:ing)? my|lost (?:my|out|money)|out of pocket|at risk|impact(?:ed|ing)? my)\b`,
  ),
  rule(
    "repeated",
    "Says they have tried again and again",
    1,
    String.raw`\b(?:(?:multiple|several|numerous|many|countless|repeated(?:ly)?|(?:two|three|four|five|six|\d+)) (?:times|calls|attempts|occasions|letters|emails|requests)|keeps? (?:calling|asking|sending|happening|charging)|over and over|yet again|once again|(?:still|continue[sd]?|keeps?) to (?:report|charge|call|send))\b`,
  ),
  rule(
    "demand",
    "Demands that it is put right",
    1,
    String.raw`\b(?:i (?:demand|insist|expect)|put (?:this|it|things) right|make (?:this|it) right|(?:remove|delete|correct|fix) (?:this|these|them|the (?:error|mistake|inaccura\w+|items?|account)|it immediately)|immediately|as soon as possible|asap|urgent(?:ly)?)\b`,
  ),
  rule(
    "why",
    "Asks why something has not happened",
    1,
    String.raw`\bwhy (?:has|have|hasn'?t|haven'?t|is|isn'?t|was|wasn'?t|did|didn'?t|won'?t|can'?t|are|aren'?t|were|weren'?t|do|don'?t|does|doesn'?t)\b`,
  ),
  rule(
    "surprise",
    "Describes finding something out unexpectedly",
    1,
    String.raw`\b(?:to (?:my|our) (?:surprise|shock|dismay|horror)|(?:i|we) (?:found out|discovered|realised|realized|noticed)|no clue|had no idea|no (?:reason|luck|recourse|help|explanation|way)|with no (?:warning|notice))\b`,
  ),
  rule(
    "expected",
    "Contrasts what should have happened with what did",
    1,
    String.raw`\b(?:allegedly|supposed to|suppose to|was meant to|should (?:have been|not have|never have)|shouldn'?t have|(?:i|we) (?:never|did not|didn'?t) (?:make|made|receive|request|order|ask|agree|authori[sz]e|sign|owe|use)|not (?:financially )?responsible|(?:but|yet|and) (?:they|it|he|she) still|still (?:shows?|showing|appears?|reporting|charg\w*|call\w*|demand\w*))\b`,
  ),
  rule(
    "told",
    "Reports what they were told or promised",
    1,
    String.raw`\b(?:(?:i|we) was (?:told|informed|promised|assured|made to understand)|(?:i|we) were (?:told|informed|promised|assured)|(?:they|he|she|the (?:agent|representative|rep|advisor|adviser)) (?:told|informed|assured|promised) (?:me|us))\b`,
  ),
  rule(
    "pressure",
    "Describes being pressured or chased",
    1,
    String.raw`\b(?:pressur(?:ed|ing)|pushed (?:me|us)|constantly|harassing|hounding|chasing me|declined|cancell?ed (?:my|our)|closed (?:my|our)|fake|mismanag\w+|under ?managed|disorgani[sz]ed|chaotic|shambles)\b`,
  ),
  rule(
    "problem",
    "Describes a problem or issue",
    1,
    String.raw`\b(?:problems?|issues? (?:with|about|regarding)|this issue|concerns? (?:about|with|regarding)|concerned (?:about|that)|(?:have|had|having) (?:had )?(?:issues|problems)|not working|doesn'?t work|does not work|broken)\b`,
  ),
];

/**
 * Phrases that look like dissatisfaction but are not ("no problem", "no complaints"): text they match is ignored
 * before the rules run.
 */
export const NOT_DISSATISFACTION: readonly RegExp[] = [
  /\b(?:no|not a|without any|any) (?:problems?|issues?|complaints?)\b/gi,
  /\bnothing to complain about\b/gi,
  /\b(?:let me know|tell me|get in touch) if (?:there (?:are|is)|you (?:have|spot|find)) any (?:problems?|issues?|errors?|mistakes?|questions|concerns)\b/gi,
  /\bif (?:you have|there are) any (?:questions|concerns)\b/gi,
];

/** At this score an email reads like a complaint. */
export const COMPLAINT_THRESHOLD = 2;
