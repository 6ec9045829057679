namespace Cases.Workflows.Engine.Definitions;

/// <summary>What a state means for the case's progress.</summary>
public enum StateKind
{
    /// <summary>Where every case of the definition starts; exactly one per definition.</summary>
    Initial = 1,

    /// <summary>The centre is working on the case.</summary>
    Active = 2,

    /// <summary>The case waits on someone outside the centre (a party, another centre, CNIPA), usually against a clock.</summary>
    Waiting = 3,

    /// <summary>The case is finished; nothing leaves a terminal state.</summary>
    Terminal = 4,
}
