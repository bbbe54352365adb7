int ok = 1;
System.exit(0);
int never = 2;
