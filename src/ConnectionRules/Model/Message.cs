namespace ConnectionRules;

/// <summary>A direct message exchanged between the sender and the recipient of a request.</summary>
/// <param name="SentAt">When the message was sent.</param>
/// <param name="Text">The message text.</param>
/// <param name="Direction">Who wrote the message; by default the sender of the request.</param>
public sealed record Message(DateTimeOffset SentAt, string Text, MessageDirection Direction = MessageDirection.FromSender);

/// <summary>Who wrote a <see cref="Message"/>, relative to the connection request.</summary>
public enum MessageDirection
{
    /// <summary>The member who sent the connection request wrote the message.</summary>
    FromSender,

    /// <summary>The member who received the connection request wrote the message.</summary>
    FromRecipient,
}
