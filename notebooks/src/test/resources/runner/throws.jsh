int before = 1;
// the second cell throws: the runner must fail here, not carry on as plain jshell does
int[] a = new int[2];
a[5] = 3;
int after = 2;
