int ok = 1;
String s = 42;
