namespace VideoPipeline.Scoring.Tests.Calibration;

/// <summary>A rung of a defect ladder: mild (a viewer may notice), clear (noticed at once), severe.</summary>
public enum Severity
{
    Clean,
    Mild,
    Clear,
    Severe,
}
