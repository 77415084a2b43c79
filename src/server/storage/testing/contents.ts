/** The two contents the kill -9 test alternates: different bytes and different lengths. */
export const CONTENT_A = Buffer.alloc(200 * 1024, 'a');
export const CONTENT_B = Buffer.alloc(150 * 1024 + 3, 'b');
