namespace VideoPipeline.Scoring.Tests.Calibration;

/// <summary>One rendered severity of a defect: the filter appended to the source (may be empty) and the x264 CRF.</summary>
public sealed record Rung(Severity Severity, string Filter, int Crf = DefectLadders.CleanCrf);
