using DbtTfProvider.Framework.Schema;

namespace DbtTfProvider.Framework.Planning;

internal delegate void ObjectVisit(SchemaBlock block, WalkPlace place);
