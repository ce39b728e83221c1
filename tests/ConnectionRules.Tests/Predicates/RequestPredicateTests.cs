using ConnectionRules.Tests.Support;
using P = ConnectionRules.Predicates;

namespace ConnectionRules.Tests;

/// <summary>Combinators: truth tables, short-circuiting and the readable names explanations quote.</summary>
public sealed class RequestPredicateTests
{
    private static readonly RequestPredicate True = P.Custom("T", _ => true);
    private static readonly RequestPredicate False = P.Custom("F", _ => false);

    public static TheoryData<bool, bool> Pairs => new() { { false, false }, { false, true }, { true, false }, { true, true } };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void And_Or_and_Not_follow_boolean_logic(bool left, bool right)
    {
        var a = left ? True : False;
        var b = right ? True : False;
        var request = Requests.Clean();
        Assert.Equal(left && right, Requests.Matches(a & b, request));
        Assert.Equal(left && right, Requests.Matches(a.And(b), request));
        Assert.Equal(left || right, Requests.Matches(a | b, request));
        Assert.Equal(left || right, Requests.Matches(a.Or(b), request));
        Assert.Equal(!left, Requests.Matches(!a, request));
        Assert.Equal(!left, Requests.Matches(a.Not(), request));
    }

    [Fact]
    public void And_and_Or_short_circuit_from_the_left()
    {
        var calls = 0;
        var counting = P.Custom("Counting", _ => ++calls > 0);
        Requests.Matches(False & counting, Requests.Clean());
        Requests.Matches(True | counting, Requests.Clean());
        Assert.Equal(0, calls);
    }

    public static TheoryData<RequestPredicate, string> Names => new()
    {
        { P.HasPersonalNote & !P.KnownOffline, "HasPersonalNote & !KnownOffline" },
        { P.HeadlineContains("recruit") & !P.NoteContains("role", "position"), "HeadlineContains(\"recruit\") & !NoteContains(\"role\", \"position\")" },
        { (P.SharedGroup | P.KnownOffline) & P.Accepted, "(SharedGroup | KnownOffline) & Accepted" },
        { P.SharedGroup | P.KnownOffline & P.Accepted, "SharedGroup | KnownOffline & Accepted" },
        { P.Accepted & (P.SharedGroup | P.KnownOffline), "Accepted & (SharedGroup | KnownOffline)" },
        { !(P.SharedGroup & P.KnownOffline), "!(SharedGroup & KnownOffline)" },
        { !(P.SharedGroup | P.KnownOffline), "!(SharedGroup | KnownOffline)" },
        { !!P.SharedGroup, "SharedGroup" },
        { !!(P.SharedGroup | P.KnownOffline) & P.Accepted, "(SharedGroup | KnownOffline) & Accepted" },
        { P.Accepted & P.KnownOffline & P.SharedGroup, "Accepted & KnownOffline & SharedGroup" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Names_read_like_the_expression(RequestPredicate predicate, string name)
    {
        Assert.Equal(name, predicate.Name);
        Assert.Equal(name, predicate.ToString());
    }

    [Fact]
    public void Null_operands_are_rejected_with_their_name()
    {
        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => True.And(null!)).ParamName);
        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => True.Or(null!)).ParamName);
        Assert.Equal("left", Assert.Throws<ArgumentNullException>(() => null! & True).ParamName);
        Assert.Equal("predicate", Assert.Throws<ArgumentNullException>(() => !(RequestPredicate)null!).ParamName);
    }
}
