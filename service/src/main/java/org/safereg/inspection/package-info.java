/** Differentiated inspection plans (差异化监管, 双随机一公开): how often, who is drawn, who goes where. */
package org.safereg.inspection;
