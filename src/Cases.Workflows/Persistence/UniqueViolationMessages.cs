namespace Cases.Workflows.Persistence;

/// <summary>Plain sentences for the unique constraints of the schema.</summary>
internal static class UniqueViolationMessages
{
    public static string For(string? constraintName) => constraintName switch
    {
        "cases_external_reference_unique" => "A case with this external reference was already filed at this centre.",
        "case_events_pkey" => "Someone else changed this case at the same time. Reload it and try again.",
        "protection_centres_pkey" => "A centre with this code is already registered.",
        _ => "This record already exists.",
    };
}
