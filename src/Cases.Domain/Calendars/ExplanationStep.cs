namespace Cases.Domain.Calendars;

/// <summary>One line of a deadline's explanation: the rule and its source, a day skipped and why, a move to the next working day.</summary>
public sealed record ExplanationStep(ExplanationStepKind Kind, DateOnly? Date, string Text);

public enum ExplanationStepKind
{
    /// <summary>The time limit and the legal source it comes from.</summary>
    Rule = 1,

    /// <summary>The counting law applied (e.g. 民事诉讼法 art. 85; Cap. 1 s. 71).</summary>
    CountingLaw = 2,

    /// <summary>The start day, not itself counted.</summary>
    Start = 3,

    /// <summary>A day not counted, and why (weekend, named holiday, warning day).</summary>
    Skipped = 4,

    /// <summary>A day that counts although it is a weekend day (调休).</summary>
    Counted = 5,

    /// <summary>A month period ending on a day the target month lacks, clamped to its last day.</summary>
    Clamped = 6,

    /// <summary>The last day fell on a rest day or holiday; the period ends on the next working day.</summary>
    MovedForward = 7,

    /// <summary>A paused span that does not count (中止).</summary>
    Paused = 8,

    /// <summary>An approved extension (延长).</summary>
    Extended = 9,

    /// <summary>The resulting last day and the instant the period expires.</summary>
    Due = 10,
}
