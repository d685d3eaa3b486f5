namespace ReadmeSnippets;

/// <summary>A README block did not do what its marker says.</summary>
internal sealed class ReadmeCheckException(string message) : Exception(message);
