namespace DbtTfProvider.Framework.Schema;

public enum BlockNesting { Single, List, Set }
