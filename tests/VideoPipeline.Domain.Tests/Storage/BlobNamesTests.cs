using VideoPipeline.Domain.Storage;

namespace VideoPipeline.Domain.Tests.Storage;

public sealed class BlobNamesTests
{
    [Fact]
    public void Names_follow_the_documented_layout()
    {
        Assert.Equal("jobs/j1/shots/03/candidates/c2.mp4", BlobNames.Candidate("j1", 3, "c2"));
        Assert.Equal("jobs/j1/shots/00/winner.mp4", BlobNames.Winner("j1", 0));
        Assert.Equal("jobs/j1/manifest.json", BlobNames.Manifest("j1"));
    }
}
