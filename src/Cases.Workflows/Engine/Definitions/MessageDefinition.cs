namespace Cases.Workflows.Engine.Definitions;

/// <summary>
/// A message a transition leaves in the outbox, in the transition's own transaction, for another
/// centre or an outside body: a referral (跨地区案件移送), an information notice (信息通报), a
/// co-investigation request (协查), a submission to CNIPA.
/// </summary>
public sealed record MessageDefinition(string Type, MessageRecipient Recipient);

/// <summary>Who a message goes to.</summary>
public sealed record MessageRecipient(MessageRecipientKind Kind, string? Value)
{
    /// <summary>The centre named in a payload field of kind <see cref="PayloadFieldKind.CentreCode"/>.</summary>
    public static MessageRecipient CentreIn(string payloadField) => new(MessageRecipientKind.PayloadCentre, payloadField);

    /// <summary>The centre handling the case before the transition (e.g. the one that referred it).</summary>
    public static MessageRecipient HandlingCentre { get; } = new(MessageRecipientKind.HandlingCentre, null);

    /// <summary>A body outside the 9+2 centres, e.g. <c>CNIPA</c>.</summary>
    public static MessageRecipient External(string name) => new(MessageRecipientKind.External, name);

    public override string ToString() => Kind switch
    {
        MessageRecipientKind.PayloadCentre => $"the centre in '{Value}'",
        MessageRecipientKind.HandlingCentre => "the handling centre",
        _ => Value ?? string.Empty,
    };
}

public enum MessageRecipientKind
{
    PayloadCentre = 1,
    HandlingCentre = 2,
    External = 3,
}
