using System.IO.Compression;
using System.Text;

namespace ConnectionRules.Cli.Tests.Support;

/// <summary>An export folder in a temporary directory, written file by file as LinkedIn writes them; deleted on dispose.</summary>
public sealed class TempExport : IDisposable
{
    public const string ConnectionsPreamble =
        "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address.\"\n\n";

    public const string ConnectionsHeader = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
    public const string InvitationsHeader = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n";
    public const string MessagesHeader = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS\n";
    public const string EndorsementsHeader = "Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status\n";
    public const string ProfileHeader = "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n";

    public TempExport()
    {
        Root = Path.Combine(Path.GetTempPath(), "connection-rules-tests", Guid.NewGuid().ToString("N"));
        Folder = Path.Combine(Root, "export");
        Directory.CreateDirectory(Folder);
    }

    /// <summary>Gets the temporary directory that holds the export and anything else a test writes.</summary>
    public string Root { get; }

    /// <summary>Gets the export folder.</summary>
    public string Folder { get; }

    /// <summary>Writes a file of the export as UTF-8, with or without a byte order mark.</summary>
    public TempExport With(string name, string content, bool bom = false)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(bom));
        return this;
    }

    /// <summary>Writes Connections.csv with LinkedIn's preamble and header, then the rows.</summary>
    public TempExport WithConnections(params string[] rows) => With("Connections.csv", ConnectionsPreamble + ConnectionsHeader + Lines(rows), bom: true);

    public TempExport WithInvitations(params string[] rows) => With("Invitations.csv", InvitationsHeader + Lines(rows));

    public TempExport WithMessages(params string[] rows) => With("messages.csv", MessagesHeader + Lines(rows), bom: true);

    public TempExport WithEndorsements(params string[] rows) => With("Endorsement_Received_Info.csv", EndorsementsHeader + Lines(rows));

    public TempExport WithProfile(string first, string last, string headline = "") =>
        With("Profile.csv", ProfileHeader + $"{first},{last},,,,{headline},,,,,,,\n");

    /// <summary>Zips the export folder's files, as LinkedIn sends them, and returns the zip's path.</summary>
    public string Zip(string? folderInside = null, CompressionLevel compression = CompressionLevel.Optimal)
    {
        var zip = Path.Combine(Root, "export.zip");
        File.Delete(zip);
        using var archive = ZipFile.Open(zip, ZipArchiveMode.Create);
        foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(Folder, file).Replace('\\', '/');
            archive.CreateEntryFromFile(file, folderInside is null ? name : $"{folderInside}/{name}", compression);
        }

        return zip;
    }

    public string PathOf(string name) => Path.Combine(Root, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platform: the temp folder is cleaned up by the OS.
        }
    }

    private static string Lines(string[] rows) => rows.Length == 0 ? "" : string.Join("\n", rows) + "\n";
}
