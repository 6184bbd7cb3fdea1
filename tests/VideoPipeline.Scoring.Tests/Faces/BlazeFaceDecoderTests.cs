using VideoPipeline.Scoring.Faces;

namespace VideoPipeline.Scoring.Tests.Faces;

public sealed class BlazeFaceDecoderTests
{
    private const float Confident = 4f; // sigmoid ≈ 0.982
    private const float Absent = -8f;

    [Fact]
    public void The_front_model_has_896_anchors_on_a_stride_8_and_a_stride_16_grid()
    {
        var anchors = BlazeFaceAnchors.Centres;

        Assert.Equal(896, anchors.Count);
        Assert.Equal((0.5 / 16, 0.5 / 16), anchors[0]);
        Assert.Equal((0.5 / 16, 0.5 / 16), anchors[1]); // two anchors per stride-8 cell
        Assert.Equal((1.5 / 16, 0.5 / 16), anchors[2]);
        Assert.Equal((15.5 / 16, 15.5 / 16), anchors[511]);
        Assert.Equal((0.5 / 8, 0.5 / 8), anchors[512]); // six per stride-16 cell
        Assert.Equal((0.5 / 8, 0.5 / 8), anchors[517]);
        Assert.Equal((1.5 / 8, 0.5 / 8), anchors[518]);
        Assert.Equal((7.5 / 8, 7.5 / 8), anchors[895]);
    }

    [Fact]
    public void Boxes_are_decoded_relative_to_their_anchor_in_input_pixels()
    {
        var (scores, boxes) = Empty();
        // Anchor 2 sits at (1.5/16, 0.5/16) = (12 px, 4 px); the face is 8 px right, 2 px down, 32×40 px.
        Set(scores, boxes, 2, Confident, 8, 2, 32, 40);

        var face = Assert.Single(BlazeFaceDecoder.Decode(scores, boxes, 0.5));

        Assert.Equal(20.0 / 128, face.CenterX, 6);
        Assert.Equal(6.0 / 128, face.CenterY, 6);
        Assert.Equal(32.0 / 128, face.Width, 6);
        Assert.Equal(40.0 / 128, face.Height, 6);
        Assert.Equal(1 / (1 + Math.Exp(-Confident)), face.Score, 6);
    }

    [Fact]
    public void Overlapping_detections_of_one_face_collapse_to_the_most_confident()
    {
        var (scores, boxes) = Empty();
        // Neighbouring anchors of one stride-8 cell and the next one see the same face.
        Set(scores, boxes, 300, 3f, 0, 0, 30, 30);
        Set(scores, boxes, 301, Confident, 1, 1, 30, 30);
        Set(scores, boxes, 302, 2f, -7, 0, 30, 30);
        // A second face far away survives.
        Set(scores, boxes, 800, 3f, 0, 0, 30, 30);

        var faces = BlazeFaceDecoder.Decode(scores, boxes, 0.5);

        Assert.Equal(2, faces.Count);
        Assert.Equal(1 / (1 + Math.Exp(-Confident)), faces[0].Score, 6);
    }

    [Fact]
    public void Detections_below_the_confidence_threshold_are_dropped()
    {
        var (scores, boxes) = Empty();
        Set(scores, boxes, 10, 0f, 0, 0, 30, 30); // sigmoid 0.5

        Assert.Empty(BlazeFaceDecoder.Decode(scores, boxes, 0.6));
        Assert.Single(BlazeFaceDecoder.Decode(scores, boxes, 0.4));
    }

    private static (float[] Scores, float[] Boxes) Empty()
    {
        var scores = Enumerable.Repeat(Absent, 896).ToArray();
        return (scores, new float[896 * 16]);
    }

    private static void Set(float[] scores, float[] boxes, int anchor, float logit, float x, float y, float w, float h)
    {
        scores[anchor] = logit;
        boxes[anchor * 16] = x;
        boxes[(anchor * 16) + 1] = y;
        boxes[(anchor * 16) + 2] = w;
        boxes[(anchor * 16) + 3] = h;
    }
}
