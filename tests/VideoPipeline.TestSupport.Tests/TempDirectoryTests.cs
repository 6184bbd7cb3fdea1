namespace VideoPipeline.TestSupport.Tests;

public sealed class TempDirectoryTests
{
    [Fact]
    public void Each_folder_is_new_and_is_deleted_with_its_files_when_disposed()
    {
        string path;
        using (var first = new TempDirectory("vp-own"))
        using (var second = new TempDirectory("vp-own"))
        {
            path = first.Path;
            File.WriteAllText(first.File("a.txt"), "a");
            Directory.CreateDirectory(Path.Combine(first.Path, "nested"));

            Assert.NotEqual(first.Path, second.Path);
            Assert.StartsWith(Path.Combine(Path.GetTempPath(), "vp-own-"), first.Path, StringComparison.Ordinal);
            Assert.Equal(Path.Combine(first.Path, "a.txt"), first.File("a.txt"));
        }

        Assert.False(Directory.Exists(path));
    }
}
