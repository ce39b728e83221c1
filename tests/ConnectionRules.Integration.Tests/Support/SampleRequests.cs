namespace ConnectionRules.Integration.Tests.Support;

/// <summary>Request bodies as a CRM would post them: JSON text, not serialized models, so the tests hold the wire contract.</summary>
public static class SampleRequests
{
    /// <summary>Accepted on 11 March; two hours later the sender pitches a demo: connect-and-sell (CR2001).</summary>
    public const string PitchAfterAccept = """
        {
          "id": "crm-4711",
          "sender": { "name": "Jordan Blake", "headline": "Growth at Acme Analytics" },
          "note": "Hi Sam, I enjoyed your talk on build caching.",
          "sentAt": "2026-03-10T09:00:00Z",
          "acceptedAt": "2026-03-11T09:00:00Z",
          "mutualConnections": 3,
          "messages": [
            { "sentAt": "2026-03-11T11:00:00Z", "text": "Thanks for connecting! Do you have 15 minutes for a quick demo of our platform?" }
          ]
        }
        """;

    /// <summary>A pending request with a personal note from someone sharing a group and connections: nothing to report.</summary>
    public const string Clean = """
        {
          "id": "crm-4712",
          "sender": {
            "name": "Dana Whitfield",
            "headline": "Platform engineer at Northwind",
            "connectionCount": 420,
            "hasPhoto": true,
            "groups": ["Platform Engineering"]
          },
          "recipient": { "name": "Sam Ortega", "groups": ["platform engineering"] },
          "note": "Hi Sam, I enjoyed your talk on build caching at the Lisbon meetup. Would love to stay in touch.",
          "sentAt": "2026-03-10T09:00:00Z",
          "mutualConnections": 4
        }
        """;
}
