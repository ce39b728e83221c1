using ConnectionRules.Cli.Export;

namespace ConnectionRules.Cli.Tests.Export;

/// <summary>The date formats of each file, and profile URLs as join keys.</summary>
public sealed class ExportDatesAndUrlsTests
{
    public static TheoryData<string, string> ConnectedOn => new()
    {
        { "15 Mar 2024", "2024-03-15T00:00:00Z" },
        { "5 Mar 2024", "2024-03-05T00:00:00Z" },
        { "05 Mar 2024", "2024-03-05T00:00:00Z" },
    };

    public static TheoryData<string, string> InvitationSentAt => new()
    {
        { "9/27/25, 8:41 AM", "2025-09-27T08:41:00Z" },
        { "9/27/25, 8:41 PM", "2025-09-27T20:41:00Z" },
        { "12/1/24, 12:05 AM", "2024-12-01T00:05:00Z" },
        { "9/27/25, 8:41\u202FAM", "2025-09-27T08:41:00Z" },
        { "9/27/2025, 8:41 AM", "2025-09-27T08:41:00Z" },
        { "12/1/24, 12:59 PM", "2024-12-01T12:59:00Z" },
        { "12/1/24, 12:30 am", "2024-12-01T00:30:00Z" },

        // LinkedIn began in 2003: a two-digit year is 20yy, past the invariant calendar's pivot of 2049 too.
        { "1/2/49, 8:41 AM", "2049-01-02T08:41:00Z" },
        { "1/2/50, 8:41 AM", "2050-01-02T08:41:00Z" },
        { "1/2/99, 8:41 AM", "2099-01-02T08:41:00Z" },
    };

    public static TheoryData<string, string> MessageDate => new()
    {
        { "2024-03-15 14:02:11 UTC", "2024-03-15T14:02:11Z" },
        { "2024-03-15 14:02:11", "2024-03-15T14:02:11Z" },
    };

    public static TheoryData<string, string> EndorsementDate => new()
    {
        { "2024/03/15 14:02:11 UTC", "2024-03-15T14:02:11Z" },
    };

    [Theory]
    [MemberData(nameof(ConnectedOn))]
    public void Connected_on_is_a_date_read_as_midnight_utc(string text, string expected) => AssertParses(ExportDates.ConnectedOn, text, expected);

    [Theory]
    [MemberData(nameof(InvitationSentAt))]
    public void Invitation_sent_at_has_no_zone_and_is_read_as_utc(string text, string expected) => AssertParses(ExportDates.InvitationSentAt, text, expected);

    [Theory]
    [MemberData(nameof(MessageDate))]
    public void Message_dates_are_utc(string text, string expected) => AssertParses(ExportDates.MessageDate, text, expected);

    [Theory]
    [MemberData(nameof(EndorsementDate))]
    public void Endorsement_dates_are_utc_with_slashes(string text, string expected) => AssertParses(ExportDates.EndorsementDate, text, expected);

    [Theory]
    [InlineData("March 15th")]
    [InlineData("15/03/2024")]
    [InlineData("2024-13-01 00:00:00 UTC")]
    public void Other_texts_are_not_dates(string text)
    {
        Assert.False(ExportDates.ConnectedOn.TryParse(text, out _));
        Assert.False(ExportDates.MessageDate.TryParse(text, out _));
    }

    [Theory]
    [InlineData("https://www.linkedin.com/in/ann-lee")]
    [InlineData("http://www.linkedin.com/in/ann-lee/")]
    [InlineData("www.linkedin.com/in/Ann-Lee")]
    [InlineData("linkedin.com/in/ann-lee//")]
    [InlineData("HTTPS://WWW.LINKEDIN.COM/IN/ANN-LEE?trk=people")]
    [InlineData(" https://www.linkedin.com/in/ann%2Dlee ")]
    [InlineData("https://m.linkedin.com/in/ann-lee")]
    [InlineData("https://de.linkedin.com/in/ann-lee/")]
    [InlineData("//www.linkedin.com/in/ann-lee")]
    [InlineData("https://www.linkedin.com/in/ann-lee/details/skills/")]
    [InlineData("https://www.linkedin.com/in/ann-lee%2F")]
    [InlineData("https://www.linkedin.com/in/ann-lee/ ")]
    public void Profile_urls_of_one_profile_have_one_key(string url) => Assert.Equal("linkedin.com/in/ann-lee", ProfileUrl.Key(url));

    [Fact]
    public void Different_profiles_have_different_keys() =>
        Assert.NotEqual(ProfileUrl.Key("https://www.linkedin.com/in/ann-lee"), ProfileUrl.Key("https://www.linkedin.com/in/ann-lee-2"));

    [Fact]
    public void A_host_that_only_ends_like_linkedin_is_not_linkedin() =>
        Assert.NotEqual(ProfileUrl.Key("https://www.linkedin.com/in/ann-lee"), ProfileUrl.Key("https://notlinkedin.com/in/ann-lee"));

    [Theory]
    [InlineData("https://www.linkedin.com/in/ann-lee", true)]
    [InlineData("www.linkedin.com/in/ACoAAB123", false)]
    [InlineData("https://www.linkedin.com/in/AEMAAAbcd", false)]
    [InlineData("https://www.linkedin.com/company/fabrikam", false)]
    public void Public_profile_urls_are_told_from_member_id_urls(string url, bool expected) =>
        Assert.Equal(expected, ProfileUrl.IsPublicProfile(ProfileUrl.Key(url)));

    [Fact]
    public void Names_are_not_public_profiles() => Assert.False(ProfileUrl.IsPublicProfile("name:ann lee"));

    [Theory]
    [InlineData("de-DE")]
    [InlineData("th-TH")]
    [InlineData("ar-SA")]
    [InlineData("tr-TR")]
    public void Dates_and_keys_do_not_depend_on_the_current_culture(string culture)
    {
        var previous = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);

            AssertParses(ExportDates.ConnectedOn, "15 Mar 2024", "2024-03-15T00:00:00Z");
            AssertParses(ExportDates.InvitationSentAt, "9/27/25, 8:41 PM", "2025-09-27T20:41:00Z");
            AssertParses(ExportDates.MessageDate, "2024-03-15 14:02:11 UTC", "2024-03-15T14:02:11Z");
            AssertParses(ExportDates.EndorsementDate, "2024/03/15 14:02:11 UTC", "2024-03-15T14:02:11Z");
            Assert.Equal("linkedin.com/in/ivan-ilic", ProfileUrl.Key("https://www.LinkedIn.com/in/IVAN-ILIC"));
            Assert.Equal("ivan ilic", ProfileUrl.NameKey("IVAN ILIC"));
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = previous;
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_url_has_no_key(string? url) => Assert.Null(ProfileUrl.Key(url));

    [Fact]
    public void Names_are_keyed_without_case_or_extra_spaces() => Assert.Equal(ProfileUrl.NameKey("Ann  Lee "), ProfileUrl.NameKey("ann lee"));

    private static void AssertParses(ExportDates.DateFormat format, string text, string expected)
    {
        Assert.True(format.TryParse(text, out var parsed), $"\"{text}\" should parse.");
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parsed);
        Assert.Equal(TimeSpan.Zero, parsed.Offset);
    }
}
