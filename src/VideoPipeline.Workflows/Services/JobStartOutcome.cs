namespace VideoPipeline.Workflows.Services;

public enum JobStartOutcome
{
    Started,

    /// <summary>The same key and brief were started before: nothing new was scheduled (resume, never pay twice).</summary>
    AlreadyExists,

    /// <summary>The same key was used for another brief.</summary>
    Conflict,

    /// <summary>Nothing can make a shot, or the cheapest plan exceeds the budget: nothing was spent.</summary>
    Refused,
}
