using VideoPipeline.Domain.Scoring;

namespace VideoPipeline.Scoring.Tests.Calibration;

/// <summary>One rendered and measured clip of the calibration set.</summary>
public sealed record CalibrationClip(string Id, string Source, string Class, Severity Severity, CandidateMeasurement Measurement);
