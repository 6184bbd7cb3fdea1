namespace VideoPipeline.Scoring.Faces;

/// <summary>A detected face in coordinates normalised to the detector's square input (0..1, y down).</summary>
public sealed record FaceBox(double CenterX, double CenterY, double Width, double Height, double Score)
{
    public double Area => Width * Height;

    public double IntersectionOverUnion(FaceBox other)
    {
        var left = Math.Max(CenterX - (Width / 2), other.CenterX - (other.Width / 2));
        var right = Math.Min(CenterX + (Width / 2), other.CenterX + (other.Width / 2));
        var top = Math.Max(CenterY - (Height / 2), other.CenterY - (other.Height / 2));
        var bottom = Math.Min(CenterY + (Height / 2), other.CenterY + (other.Height / 2));
        var inner = Math.Max(0, right - left) * Math.Max(0, bottom - top);
        var union = Area + other.Area - inner;
        return union <= 0 ? 0 : inner / union;
    }
}
