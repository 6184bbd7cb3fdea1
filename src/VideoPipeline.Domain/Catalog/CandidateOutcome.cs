namespace VideoPipeline.Domain.Catalog;

/// <summary>How a candidate's provider task ended, as far as billing is concerned.</summary>
public enum CandidateOutcome
{
    /// <summary>A clip was made (whether or not it then scored well): billed.</summary>
    Succeeded,

    /// <summary>The provider's task failed on its side.</summary>
    Failed,

    /// <summary>The provider's safety system refused the prompt or the output.</summary>
    Moderated,

    /// <summary>Refused before a task existed (4xx on submit, routed away, not configured): nothing to bill.</summary>
    NotSubmitted,

    /// <summary>The submit's fate is unknown: counted as billed, since the provider may have accepted it.</summary>
    InDoubt,
}
