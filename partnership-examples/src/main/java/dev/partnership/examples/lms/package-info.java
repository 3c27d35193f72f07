/**
 * The LMS plugin example: {@link dev.partnership.examples.lms.LmsPlugin} turns batches of xAPI statements into
 * engagement signals and keeps trust up to date one signal at a time.
 */
package dev.partnership.examples.lms;
