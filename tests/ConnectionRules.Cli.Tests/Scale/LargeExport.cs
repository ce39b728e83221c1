using System.Globalization;
using System.Text;

namespace ConnectionRules.Cli.Tests.Scale;

/// <summary>
/// Writes a LinkedIn export of any size in LinkedIn's format, deterministically: connections with the preamble and BOM,
/// pending invitations, endorsements, and messages (a tenth of them with people who are not connections, some spanning
/// lines, some pitches soon after connecting). For measuring how triage scales; see docs/cli.md.
/// </summary>
public static class LargeExport
{
    private static readonly string[] Texts =
    [
        "Hi Sam, good to see you at the meetup last week.",
        "Thanks for the intro, much appreciated!",
        "Are you going to the conference in Amsterdam?",
        "Congrats on the new role!",
        "Sure, Thursday works for me.",
        "Here are the slides from my talk,\nas promised.\n\nCheers",
        "We help logistics teams cut freight costs by 30%. Worth 15 minutes for a quick demo?",
        "Hi Sam, just checking in on my last message.",
    ];

    private static readonly DateTime Start = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static void Write(string folder, int connections, int messages, int pendingInvitations, int endorsements)
    {
        Directory.CreateDirectory(folder);
        var utf8Bom = new UTF8Encoding(true);
        var utf8 = new UTF8Encoding(false);
        var random = new Random(42);
        var connectedOn = new DateTime[connections];

        using (var writer = new StreamWriter(Path.Combine(folder, "Profile.csv"), false, utf8))
        {
            writer.Write("First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n");
            writer.Write("Sam,Rivera,,,,Engineering Manager,,,,,,,\n");
        }

        using (var writer = new StreamWriter(Path.Combine(folder, "Connections.csv"), false, utf8Bom))
        {
            writer.Write("Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\n");
            writer.Write("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
            for (var i = 0; i < connections; i++)
            {
                connectedOn[i] = Start.AddDays(random.Next(0, 5 * 365));
                writer.Write(Invariant($"First{i},Last{i},https://www.linkedin.com/in/person-{i},,\"Company {i % 500}, Inc.\",Engineer,{connectedOn[i]:dd MMM yyyy}\n"));
                if (i % 5000 == 4999)
                {
                    writer.Write(",,,,,,\n");
                }
            }
        }

        using (var writer = new StreamWriter(Path.Combine(folder, "Invitations.csv"), false, utf8))
        {
            writer.Write("From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n");
            for (var i = 0; i < pendingInvitations; i++)
            {
                var note = (i % 4) switch { 0 => "", 1 => "We help teams like yours ship faster. Quick demo of our platform?", 2 => "Great talk at the meetup!", _ => "" };
                writer.Write(Invariant($"Pending {i},Sam Rivera,\"{Start.AddDays(2000 + (i % 30)):M/d/yy, h:mm tt}\",{note},INCOMING,https://www.linkedin.com/in/pending-{i},https://www.linkedin.com/in/sam\n"));
            }
        }

        using (var writer = new StreamWriter(Path.Combine(folder, "Endorsement_Received_Info.csv"), false, utf8))
        {
            writer.Write("Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status\n");
            for (var i = 0; i < endorsements; i++)
            {
                var person = random.Next(connections);
                writer.Write(Invariant($"{connectedOn[person].AddDays(10):yyyy/MM/dd HH:mm:ss} UTC,Kubernetes,First{person},Last{person},www.linkedin.com/in/person-{person},ACCEPTED\n"));
            }
        }

        using (var writer = new StreamWriter(Path.Combine(folder, "messages.csv"), false, utf8Bom))
        {
            writer.Write("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS\n");
            for (var i = 0; i < messages; i++)
            {
                // Every text is unique, as real messages are, so that nothing is shared that a real export would not share.
                var text = Invariant($"{Texts[random.Next(Texts.Length)]} (#{i})").Replace("\"", "\"\"", StringComparison.Ordinal);
                if (i % 10 == 0)
                {
                    // InMail and messages with people who are not connections: read and counted, not kept.
                    writer.Write(Invariant($"s{i},,Stranger {i},https://www.linkedin.com/in/stranger-{i},Sam Rivera,https://www.linkedin.com/in/sam,{Start.AddMinutes(i):yyyy-MM-dd HH:mm:ss} UTC,,\"{text}\",INBOX,\n"));
                    continue;
                }

                var person = random.Next(connections);
                var at = connectedOn[person].AddHours(random.Next(1, 24 * 400));
                if (random.Next(2) == 0)
                {
                    writer.Write(Invariant($"c{person},,First{person} Last{person},https://www.linkedin.com/in/person-{person},Sam Rivera,https://www.linkedin.com/in/sam,{at:yyyy-MM-dd HH:mm:ss} UTC,,\"{text}\",INBOX,\n"));
                }
                else
                {
                    writer.Write(Invariant($"c{person},,Sam Rivera,https://www.linkedin.com/in/sam,First{person} Last{person},https://www.linkedin.com/in/person-{person},{at:yyyy-MM-dd HH:mm:ss} UTC,,\"Thanks! {text}\",SENT,\n"));
                }
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
