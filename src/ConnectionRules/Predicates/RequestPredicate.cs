namespace ConnectionRules;

/// <summary>
/// A named condition over a request, composable with <see cref="And"/>, <see cref="Or"/>, <see cref="Not"/>
/// and the operators <c>&amp;</c>, <c>|</c>, <c>!</c>. Its <see cref="Name"/> reads like the expression it was built
/// from, e.g. <c>HasPersonalNote &amp; !KnownOffline</c>, so explanations can quote it. Immutable and thread-safe.
/// </summary>
/// <remarks>Get predicates from <see cref="Predicates"/>; <see cref="Predicates.Custom"/> wraps your own condition.</remarks>
public sealed class RequestPredicate
{
    private readonly Func<RuleContext, bool> _test;
    private readonly Shape _shape;
    private readonly RequestPredicate? _negated;

    internal RequestPredicate(string name, Func<RuleContext, bool> test)
        : this(name, test, Shape.Leaf)
    {
    }

    private RequestPredicate(string name, Func<RuleContext, bool> test, Shape shape, RequestPredicate? negated = null)
    {
        Name = name;
        _test = test;
        _shape = shape;
        _negated = negated;
    }

    private enum Shape
    {
        Leaf,
        Not,
        And,
        Or,
    }

    /// <summary>Gets the readable expression this predicate was built from.</summary>
    public string Name { get; }

    /// <summary>Returns whether the request in <paramref name="context"/> meets this condition.</summary>
    /// <param name="context">The context the engine passed to the rule.</param>
    /// <returns><see langword="true"/> when the condition holds.</returns>
    public bool IsMatch(RuleContext context) => _test(context);

    /// <summary>Returns a predicate that holds when both this and <paramref name="other"/> hold (evaluated left to right, short-circuiting).</summary>
    /// <param name="other">The other condition.</param>
    /// <returns>The conjunction, named <c>this &amp; other</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public RequestPredicate And(RequestPredicate other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var left = _test;
        var right = other._test;
        return new($"{Wrap(this, Shape.Or)} & {Wrap(other, Shape.Or)}", context => left(context) && right(context), Shape.And);
    }

    /// <summary>Returns a predicate that holds when this or <paramref name="other"/> holds (evaluated left to right, short-circuiting).</summary>
    /// <param name="other">The other condition.</param>
    /// <returns>The disjunction, named <c>this | other</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public RequestPredicate Or(RequestPredicate other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var left = _test;
        var right = other._test;
        return new($"{Name} | {other.Name}", context => left(context) || right(context), Shape.Or);
    }

    /// <summary>Returns a predicate that holds when this one does not.</summary>
    /// <returns>The negation, named <c>!this</c>.</returns>
    public RequestPredicate Not()
    {
        if (_negated is not null)
        {
            return _negated; // !!p is p.
        }

        var test = _test;
        return new($"!{Wrap(this, Shape.And, Shape.Or)}", context => !test(context), Shape.Not, this);
    }

    /// <summary>Combines two predicates with <see cref="And"/>.</summary>
    /// <param name="left">The left condition.</param>
    /// <param name="right">The right condition.</param>
    /// <returns>The conjunction.</returns>
    /// <exception cref="ArgumentNullException">An operand is null.</exception>
    public static RequestPredicate operator &(RequestPredicate left, RequestPredicate right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return left.And(right);
    }

    /// <summary>Combines two predicates with <see cref="Or"/>.</summary>
    /// <param name="left">The left condition.</param>
    /// <param name="right">The right condition.</param>
    /// <returns>The disjunction.</returns>
    /// <exception cref="ArgumentNullException">An operand is null.</exception>
    public static RequestPredicate operator |(RequestPredicate left, RequestPredicate right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return left.Or(right);
    }

    /// <summary>Negates a predicate with <see cref="Not"/>.</summary>
    /// <param name="predicate">The condition.</param>
    /// <returns>The negation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> is null.</exception>
    public static RequestPredicate operator !(RequestPredicate predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return predicate.Not();
    }

    /// <summary>Same as <see cref="And"/>, for languages without operator overloading.</summary>
    /// <param name="left">The left condition.</param>
    /// <param name="right">The right condition.</param>
    /// <returns>The conjunction.</returns>
    /// <exception cref="ArgumentNullException">An operand is null.</exception>
    public static RequestPredicate BitwiseAnd(RequestPredicate left, RequestPredicate right) => left & right;

    /// <summary>Same as <see cref="Or"/>, for languages without operator overloading.</summary>
    /// <param name="left">The left condition.</param>
    /// <param name="right">The right condition.</param>
    /// <returns>The disjunction.</returns>
    /// <exception cref="ArgumentNullException">An operand is null.</exception>
    public static RequestPredicate BitwiseOr(RequestPredicate left, RequestPredicate right) => left | right;

    /// <summary>Same as <see cref="Not()"/>, for languages without operator overloading.</summary>
    /// <param name="predicate">The condition.</param>
    /// <returns>The negation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> is null.</exception>
    public static RequestPredicate LogicalNot(RequestPredicate predicate) => !predicate;

    /// <summary>Returns <see cref="Name"/>.</summary>
    /// <returns>The readable expression.</returns>
    public override string ToString() => Name;

    // Parenthesize an operand whose operator binds more loosely than the one being built (! over & over |).
    private static string Wrap(RequestPredicate operand, params Shape[] looser) =>
        Array.IndexOf(looser, operand._shape) >= 0 ? $"({operand.Name})" : operand.Name;
}
