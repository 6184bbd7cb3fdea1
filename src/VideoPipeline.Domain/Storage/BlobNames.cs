using System.Globalization;

namespace VideoPipeline.Domain.Storage;

/// <summary>
/// Where a job's files live inside the one container (ARCHITECTURE.md, "Storage"). Shot folders are
/// the zero-based shot index, two digits, so they sort in order in the portal.
/// </summary>
public static class BlobNames
{
    public const string DefaultContainer = "videopipeline";

    /// <summary>
    /// The blob index tag telling candidates from winners. A lifecycle rule's <c>prefixMatch</c> is literal and cannot
    /// reach <c>jobs/*/shots/*/candidates/</c>, so the rule that expires candidates matches <c>kind == 'candidate'</c>
    /// (<c>blobIndexMatch</c>) under <c>{container}/jobs/</c>.
    /// </summary>
    public const string KindTag = "kind";

    public const string CandidateKind = "candidate";

    public const string WinnerKind = "winner";

    public static string JobFolder(string jobId) => $"jobs/{jobId}";

    public static string ShotFolder(string jobId, int shotIndex) =>
        $"{JobFolder(jobId)}/shots/{shotIndex.ToString("D2", CultureInfo.InvariantCulture)}";

    /// <summary>Candidates expire through a lifecycle rule on this prefix; winners do not.</summary>
    public static string Candidate(string jobId, int shotIndex, string candidateId) =>
        $"{ShotFolder(jobId, shotIndex)}/candidates/{candidateId}.mp4";

    public static string Winner(string jobId, int shotIndex) => $"{ShotFolder(jobId, shotIndex)}/winner.mp4";

    public static string Manifest(string jobId) => $"{JobFolder(jobId)}/manifest.json";
}
