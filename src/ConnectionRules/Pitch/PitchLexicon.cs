namespace ConnectionRules;

/// <summary>
/// The built-in English sales lexicon. Every entry is matched as whole words, case-insensitively; a trailing
/// <c>*</c> matches a prefix. Curate it against the labelled corpus in <c>tests/ConnectionRules.Tests/Pitch</c>:
/// a phrase earns a place among the strong ones only if genuine messages practically never use it.
/// </summary>
internal static class PitchLexicon
{
    /// <summary>Phrases that make a text a pitch on their own.</summary>
    public static readonly string[] Strong =
    [
        // Demos and sales meetings.
        "quick demo", "short demo", "brief demo", "live demo of our", "demo of our", "walk you through our",
        "show you how our", "show you how we", "show you what our", "see how our", "how our platform", "how our solution",
        "how our software", "how our tool", "how our team can", "how we can help you", "how we could help you",
        "how we help companies", "how we help teams", "how we've helped", "we've helped", "we have helped",
        "book a call", "book a time", "book a slot", "book a meeting", "grab 15 minutes", "grab 20 minutes",
        "15-minute call", "15 minute call", "15-min call", "20-minute call", "20 minute call", "30-minute call",
        "quick call to discuss how", "quick chat about how", "discovery call", "intro call", "strategy call",
        "my calendar link", "my calendly", "calendly", "link to my calendar", "open to a quick call",

        // Offers and pricing.
        "free trial", "free consultation", "free audit", "free assessment", "free quote", "no-obligation",
        "no obligation", "special offer", "exclusive offer", "limited time offer", "limited-time offer", "discount code",
        "% off", "percent off", "introductory rate", "special pricing", "competitive pricing", "competitive rates",
        "affordable rates", "pricing starts at", "starting at $", "per month only",

        // "We sell X": what vendors say about themselves.
        "our platform", "our solution", "our software", "our agency", "our services", "our service", "our product",
        "our tool helps", "our app helps", "our team specializes", "our team specialises", "we specialize in helping",
        "we specialise in helping", "we provide", "we offer", "we help businesses", "we help companies",
        "we help startups", "we help brands", "we help founders", "we help leaders", "we help professionals",
        "we help b2b", "we help saas", "we help agencies", "i help businesses", "i help companies", "i help founders",
        "i help executives", "i help professionals", "i help coaches", "i help b2b", "i help saas",
        "i help small business", "i help entrepreneurs", "i help leaders", "i help high", "i help busy",
        "i work with executives to", "i work with founders to", "i work with business owners",

        // Lead generation, marketing, outsourcing.
        "lead generation", "generate more leads", "qualified leads", "more leads", "book more meetings",
        "appointment setting", "boost your sales", "increase your sales", "increase your revenue", "grow your revenue",
        "scale your business", "grow your business", "10x your", "3x your", "double your", "skyrocket",
        "seo services", "rank on the first page", "first page of google", "web design services", "website redesign",
        "offshore development", "offshore team", "dedicated developers", "dedicated development team", "outsourc*",
        "nearshore", "white-label", "white label", "staff augmentation", "pre-vetted", "pre-screened candidates",
        "candidates for your open roles", "fill your open roles", "reduce your hiring costs",

        // Money: wealth, insurance, investments.
        "wealth management", "financial advisor", "financial adviser", "financial planner", "retirement planning",
        "retirement plan review", "portfolio review", "tax-efficient", "tax efficient", "investment opportunity",
        "investment opportunities", "passive income", "guaranteed returns", "high returns", "crypto opportunity",
        "life insurance", "insurance coverage", "insurance policy", "insurance quote", "protect your family's",
        "merchant services", "payment processing fees", "cut your costs", "reduce your costs", "save you money",
        "save your company", "roi", "return on investment",

        // Calls to action that only vendors write.
        "would you be open to learning", "would you be interested in learning", "interested in learning more about our",
        "let me know if you're interested in", "are you the right person to speak", "who handles your",
        "who is responsible for your", "worth a conversation", "worth a quick chat", "are you struggling with",
        "struggling to", "pain points", "sign up today", "sign up now", "buy now", "order now", "act now",
        "limited spots", "only a few spots",
    ];

    /// <summary>Signals of which two different ones make a pitch.</summary>
    public static readonly string[] Weak =
    [
        "demo", "pricing", "price", "prices", "discount*", "offer", "clients", "customers", "solution*", "service*",
        "platform", "package*", "proposal", "partner with", "partnership", "quick call", "quick chat", "hop on a call",
        "jump on a call", "set up a call", "schedule a call", "your team", "your company", "your business",
        "your organization", "your organisation", "your sales", "your marketing", "your growth", "revenue", "sales",
        "growth", "results", "guarantee*", "cost-effective", "cost effective", "affordable", "efficiency",
        "streamline", "automate", "automation", "case study", "testimonials", "trusted by", "leading provider",
        "top-rated", "award-winning", "best-in-class", "cutting-edge", "next week?", "this week?", "interested?",
    ];
}
