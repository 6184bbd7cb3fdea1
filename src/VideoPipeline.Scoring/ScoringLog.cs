using Microsoft.Extensions.Logging;

namespace VideoPipeline.Scoring;

internal static partial class ScoringLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Candidate {CandidateId} measured in {ElapsedMs} ms; disqualified: {Disqualified}")]
    public static partial void Measured(ILogger logger, string candidateId, long elapsedMs, bool disqualified);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Candidate {CandidateId} not scored: measuring took longer than {Limit}")]
    public static partial void TimedOut(ILogger logger, string candidateId, TimeSpan limit);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Face stability is not measured: no BlazeFace model found (Scoring:FaceModelPath, or npm ci installs one)")]
    public static partial void NoFaceModel(ILogger logger);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "Candidate {CandidateId} disqualified: {Reasons}")]
    public static partial void Disqualified(ILogger logger, string candidateId, string reasons);
}
