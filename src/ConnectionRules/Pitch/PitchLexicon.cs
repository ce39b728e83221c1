namespace ConnectionRules;

/// <summary>
/// The built-in English sales lexicon. Every entry is matched as whole words, case-insensitively, with straight and
/// curly apostrophes alike; a trailing <c>*</c> matches a prefix. Strong phrases are what sellers say about what they
/// sell; weak signals are what sellers and non-sellers both say (calls to action, money, "your team"); counter phrases
/// are what a buyer, a recruiter with a real role or an organiser of a free event says. Curate it against the labelled
/// corpus in <c>tests/ConnectionRules.Tests/Pitch</c>, and keep the held-out set unseen.
/// </summary>
internal static class PitchLexicon
{
    /// <summary>Phrases that make a text a pitch on their own.</summary>
    public static readonly string[] Strong =
    [
        // Sellers describing themselves.
        "we help", "i help", "we specialize", "we specialise", "we specialize in", "i specialize", "i specialise", "we're specialized",
        "specialized in", "specializing in", "is my niche", "we offer", "i offer", "we're offering", "we provide", "providing dedicated",
        "our agency", "my agency", "our studio", "our firm", "our private wealth", "our solution", "our platform helps", "our software",
        "our service", "our services", "our help desk", "our managed", "our workflow tool", "our tool", "our app", "our product",
        "our team can", "our appointment-setting", "we run", "we place", "we fill", "we generate", "we handle", "we design",
        "we redesign", "we produce", "we create", "we manage", "we built", "we build", "we take over", "we typically", "we can move you",
        "we can supply", "we can clean", "we can build", "we can start", "can start within", "we do fixed-price", "we have a verified",
        "on our roster", "we just helped", "i've helped", "i have helped", "we've helped", "we have helped", "helped a client",
        "one client went", "i coach", "i ghostwrite", "i set these up", "i run a fee-only", "i compare", "i manage a private",
        "staffing agency", "dev shop", "insurance broker", "real estate broker", "executive coach", "consulting partner",
        "just launched", "we launched", "pay-per-lead", "pay per lead", "per booked call", "no retainer", "placement fee",
        "on contingency", "rate card", "our rates", "my rates", "send rates", "send our rates", "send you rates", "reel and pricing",
        "send you pricing", "send you our pricing", "packages start", "plans from", "starting at", "pricing starts", "flat fee",
        "per user", "at 40% less", "for a fraction of", "for less than", "lower premiums", "better coverage",

        // Free hooks and sales meetings.
        "free consultation", "free initial consultation", "free consult", "free audit", "free content audit", "free valuation",
        "free analysis", "free health check", "free assessment", "readiness assessment", "free pilot", "free trial", "free sample",
        "free keyword report", "free quote", "trial week", "complimentary session", "clarity call", "strategy session",
        "strategy call", "discovery call", "book a demo", "quick demo of our", "demo of our", "show you a quick demo",
        "walk you through it", "walk you through our", "demo unit", "quick proposal", "happy to quote", "quote it",
        "run a quick comparison", "review your policies", "portfolio check", "portfolio review", "financial plan",
        "first sprint is on us", "it's on me", "onboarding free", "months free", "gift you",

        // Investments and insurance.
        "weekly returns", "monthly returns", "annual returns", "projected", "guaranteed monthly", "guaranteed returns",
        "monthly payouts", "accredited investors", "early investors", "investor brochure", "pre-ipo", "token discount",
        "off-market", "investment property", "minimum entry", "slots are limited", "limited units", "pre-construction",
        "trading bot", "forex fund", "term life", "key person insurance", "disability insurance", "general liability",
        "workers' comp", "life insurance", "coverage", "cash balance plan",

        // More of what sellers say, and their sales collateral.
        "show you how", "could i show you", "love to show you", "keen to show you", "we guarantee", "outsourcing partner",
        "staff augmentation", "i'm a financial advisor", "i am a financial advisor", "financial advisor working", "service offers",
        "% off", "half price", "with code", "wholesale prices", "sample pack", "send you a quote", "walkthrough and quote",
        "we print", "we deliver", "we recover", "we rent", "we make it", "i sell", "sponsored by our", "product showcase",
        "prices go up", "early access", "paid audit", "advisory firm", "we're a boutique", "we'd love to offer",
        "confidential valuation", "adjust pricing", "our optimization tool", "our payment gateway", "our compliance tool",
        "we work with companies", "we work with teams", "franchise", "i can provide", "special price", "managed service provider",
        "our certified", "grab time", "free for the first", "want to try it", "walk you through the numbers", "explore whether",
        "the deck", "one-pager", "performance report", "media kit", "our reel", "case studies", "show list", "list of sites",
        "our current list", "backlinks", "anonymized profiles", "see the cv", "strong candidates", "maximizing your",
    ];

    /// <summary>Signals of which two different ones make a pitch.</summary>
    public static readonly string[] Weak =
    [
        // Calls to action.
        "worth 15 minutes", "worth a short call", "worth a quick", "worth a conversation", "open to a conversation",
        "open to hearing how", "open to seeing how", "open to a coffee chat about where", "want to see", "would you like to see",
        "want me to send", "shall i send", "can i send", "may i send", "mind if i", "happy to share", "happy to send", "send details",
        "send over", "send you", "quick call", "a short call", "15 minutes", "20 minutes", "15-minute", "20-minute", "30-minute",
        "20-minute intro", "intro?", "interested?", "interested in seeing", "on your calendar", "my calendar", "book 15 minutes",
        "find 20 minutes", "set up a call", "scope it", "explore working together", "welcome the opportunity", "introduce our",
        "want the details", "want a free", "like to join before", "dm me", "free", "free?", "help you", "intro call", "15-min",
        "10 minutes", "brief discussion", "a suitable time", "good time for a call", "run the numbers", "quick demo?", "brochure",
        "availability", "tour slot", "bumping this", "my last note", "did you get a chance", "let's talk", "book here",

        // Whose business it is about.
        "your business", "your company", "your firm", "your practice", "your facility", "your site", "your website",
        "your homepage", "your brand", "your crm", "your policies", "your talent team", "your in-house", "your inventory",
        "your hr team", "your team stops", "companies like yours", "teams like yours", "boutiques like yours", "teams your size",
        "for companies", "for enterprise", "for b2b", "for saas", "for clinics", "for fintechs", "for e-commerce", "for ceos",
        "for founders", "for agency owners", "business owners", "startup founders",

        // Money and results.
        "pipeline", "leads", "qualified", "conversion", "convert", "roi", "revenue", "clients", "customers", "%", "3x", "10x",
        "7 figures", "$", "€", "pricing", "rates", "fees", "costs", "cheap", "fast", "guaranteed", "opportunity", "exclusive",
        "limited", "offering", "demo", "platform", "solution", "services", "packages", "plans", "overpay", "premiums",
        "returns", "investors", "portfolio*", "contribution*", "in half", "automatically", "in real time",
        "tool", "app", "program", "agency", "firm", "helping", "save your team", "cut your", "boost", "double their", "deals",
        "merchants", "for startups", "for software companies", "mid-size", "enterprise", "proposal", "budget", "discount",
    ];

    /// <summary>Phrases that say the sender is not selling: a buyer, a real role, a free event, a question.</summary>
    public static readonly string[] Counter =
    [
        "your platform", "your product", "your demo", "demo you gave", "your software", "your library", "your tool", "your donor",
        "give us a demo", "get pricing", "a quote for your", "nonprofit pricing", "commercial license", "recruiting for",
        "hiring a", "we're hiring", "i'm hiring", "we're looking for a", "the position", "job description", "salary range",
        "the role", "thesis", "no vendors", "unpaid", "volunteer", "non-commercial", "cpe", "pdu", "pdus", "ceu", "cdu",
        "credits", "free webinar", "free entry", "no fees", "no cost, just", "free to use", "free-software", "open-source",
        "open source", "pricing model", "pricing tiers", "pricing your", "offer letter", "got an offer", "the offer from",
        "your offer", "the offer to", "how did you", "which vendors", "mentoring", "mentor", "feel free", "internship*",
        "share your story", "send me pricing", "get a quote", "your services", "your booth", "could you send me",
        "we're evaluating", "we need a", "we need an", "using your", "expand to", "reference for", "as a reference",
        "research study", "writing an article", "program committee", "panelist", "keynote", "for members", "association",
        "chapter", "alumni", "my notes", "if it helps", "thanks for your talk", "your talk", "your post",
    ];
}
